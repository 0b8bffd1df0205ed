using System.CommandLine;
using Npgsql;
using OrleansPlans.Postgres.Migrations;
using OrleansPlans.Sink.Postgres;

namespace OrleansPlans.Cli.Commands;

/// <summary><c>orleansplans migrate</c>: applies the Orleans and analytics schema migrations.</summary>
internal static class MigrateCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var connection = CommonOptions.Connection();
        var schema = CommonOptions.Schema();
        var command = new Command("migrate", "Apply the pending Orleans (clustering, state, reminders) and analytics schema migrations, and print what was applied.")
        {
            connection, schema,
        };

        command.SetAction(async (parsed, cancellationToken) =>
        {
            var connectionString = CommonOptions.ResolveConnection(parsed, connection, environment);
            NpgsqlDataSource dataSource;
            try
            {
                dataSource = NpgsqlDataSource.Create(connectionString);
            }
            catch (ArgumentException)
            {
                throw new CliFailure("The PostgreSQL connection string cannot be parsed.");
            }

            await using (dataSource)
            {
                try
                {
                    await PrintAsync(environment.Out, await PostgresMigrator.ApplyAsync(dataSource, OrleansPostgresMigrations.Set, cancellationToken));
                    await PrintAsync(environment.Out, await AnalyticsSchema.MigrateAsync(dataSource, parsed.GetRequiredValue(schema), cancellationToken: cancellationToken));
                }
                catch (NpgsqlException error)
                {
                    throw new CliFailure($"PostgreSQL: {error.Message}", error);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task PrintAsync(TextWriter output, MigrationReport report)
    {
        if (report.Applied.Count == 0)
        {
            await output.WriteLineAsync($"{report.SetKey}: up to date at version {report.CurrentVersion}");
            return;
        }

        foreach (var migration in report.Applied)
        {
            await output.WriteLineAsync($"{report.SetKey}: applied {migration.Version:D4}_{migration.Name}");
        }

        await output.WriteLineAsync($"{report.SetKey}: now at version {report.CurrentVersion}");
    }
}
