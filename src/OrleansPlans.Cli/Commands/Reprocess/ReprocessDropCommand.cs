using System.CommandLine;
using Npgsql;
using OrleansPlans.Operations.Versions;

namespace OrleansPlans.Cli.Commands.Reprocess;

/// <summary><c>reprocess drop VERSION --yes</c>: removes a version that no longer serves (<see cref="VersionDrop"/>).</summary>
internal static class ReprocessDropCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var options = new ReprocessOptions(environment);
        var yes = new Option<bool>("--yes") { Description = "Confirm: VERSION's tables, grain state and cluster rows are deleted." };
        var command = options.AddTo(new Command("drop", "Delete a version that no longer serves: its analytics schema, grain state and cluster rows (stop its hosts first)."), withKafka: false);
        command.Options.Add(yes);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var version = options.VersionOf(parsed);
            if (!parsed.GetValue(yes))
            {
                throw new CliFailure($"drop deletes version {version}'s tables and state for good; pass --yes to confirm.");
            }

            await using var dataSource = options.DataSource(parsed);
            VersionDropReport report;
            try
            {
                report = await VersionDrop.DropAsync(dataSource, options.ServingSchemaOf(parsed), version, version.Dashed(parsed.GetRequiredValue(options.ClusterId)), cancellationToken);
            }
            catch (Exception error) when (error is InvalidOperationException or NpgsqlException)
            {
                throw new CliFailure(error.Message, error);
            }

            await environment.Out.WriteLineAsync(
                $"Dropped version {version}: schema {report.Schema ?? "(none)"}, {report.GrainStates} grain states, {report.SiloRows} silo rows. "
                + $"Its Kafka topics ({version.Dashed("plan-usage-hourly")}, …) and consumer groups are left for you to delete once nothing reads them.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
