using System.CommandLine;
using Npgsql;
using OrleansPlans.Operations.Versions;

namespace OrleansPlans.Cli.Commands.Reprocess;

/// <summary>
/// <c>reprocess switch VERSION</c>: once VERSION has caught up (input and sink lag 0; <c>--force</c> skips the check),
/// points the schema analysts query at it in one transaction (<see cref="ServingSchema.SwitchAsync"/>); for the version
/// that serves, refreshes its views (after a migration added tables or columns to its schema).
/// </summary>
internal static class ReprocessSwitchCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var options = new ReprocessOptions(environment);
        var force = new Option<bool>("--force") { Description = "Switch even if VERSION has not caught up (analysts then see its tables as far as it got)." };
        var command = options.AddTo(new Command("switch", "Point the analytics schema at VERSION in one transaction, once it has caught up."));
        command.Options.Add(force);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var version = options.VersionOf(parsed);
            var schema = options.ServingSchemaOf(parsed);
            await using var dataSource = options.DataSource(parsed);
            var serving = await ReprocessOptions.ReadServingAsync(dataSource, schema, cancellationToken);
            if (serving.Serves(version) && serving.HoldsTables)
            {
                await environment.Out.WriteLineAsync($"{schema} already serves version {version} with its own tables; nothing to do.");
                return ExitCodes.Ok;
            }

            if (!parsed.GetValue(force) && !serving.Serves(version))
            {
                var status = await options.ReadStatusAsync(parsed, dataSource, version, serving, cancellationToken);
                if (StatusWait.Behind(status) is { } behind)
                {
                    throw new CliFailure($"version {version} has not caught up, so {schema} still serves {serving.Version?.Name ?? "nothing"}: {behind}. "
                        + $"Wait with 'orleansplans reprocess status {version} --wait', or pass --force.");
                }
            }

            ServingState before;
            try
            {
                before = await ServingSchema.SwitchAsync(dataSource, schema, version, cancellationToken);
            }
            catch (Exception error) when (error is InvalidOperationException or NpgsqlException)
            {
                throw new CliFailure(error.Message, error);
            }

            var after = before with { Version = version, HoldsTables = false };
            if (before.Serves(version))
            {
                await environment.Out.WriteLineAsync($"Version {version} already served {schema}; its views onto {after.DataSchemaOf(version)} were refreshed (tables and columns added since appear now).");
                return ExitCodes.Ok;
            }

            await environment.Out.WriteLineAsync(
                $"Switched {schema} from {before.Version?.Name ?? "nothing"} to {version} in one transaction: its relations are now views onto {after.DataSchemaOf(version)}.");
            if (before.Version is { } old)
            {
                await environment.Out.WriteLineAsync(
                    $"Version {old}'s tables are in {after.DataSchemaOf(old)}. Stop its hosts (and move readers of its output topics to {version.Dashed("plan-usage-hourly")}, …), then: orleansplans reprocess drop {old} --yes");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
