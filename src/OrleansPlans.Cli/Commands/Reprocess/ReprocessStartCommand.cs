using System.CommandLine;
using Npgsql;
using OrleansPlans.Sink.Postgres;

namespace OrleansPlans.Cli.Commands.Reprocess;

/// <summary>
/// <c>reprocess start VERSION</c>: prepares a version beside the serving one (its analytics schema migrated, its compacted
/// output topics created where the cluster allows) and prints how to run its hosts. The hosts themselves are the
/// operator's to start, like any deployment: the same binary and settings as the serving hosts plus <c>Pipeline:Version</c>.
/// </summary>
internal static class ReprocessStartCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var options = new ReprocessOptions(environment);
        var command = options.AddTo(new Command("start", "Prepare VERSION beside the serving version (schema, output topics) and print how to run its hosts."));
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var version = options.VersionOf(parsed);
            if (version.IsBase)
            {
                throw new CliFailure("'base' is the deployment run without Pipeline:Version; name a new version, e.g. v2.");
            }

            var schema = options.ServingSchemaOf(parsed);
            await using var dataSource = options.DataSource(parsed);
            var serving = await ReprocessOptions.ReadServingAsync(dataSource, schema, cancellationToken);
            if (serving.Serves(version))
            {
                throw new CliFailure($"Version {version} already serves {schema}.");
            }

            var statusOptions = options.StatusOptions(parsed, version, serving);
            try
            {
                var report = await AnalyticsSchema.MigrateAsync(dataSource, statusOptions.AnalyticsSchema, cancellationToken: cancellationToken);
                await environment.Out.WriteLineAsync($"Schema {statusOptions.AnalyticsSchema}: {(report.Applied.Count == 0 ? "up to date" : $"{report.Applied.Count} migrations applied")} (version {report.CurrentVersion})");
            }
            catch (NpgsqlException error)
            {
                throw new CliFailure($"PostgreSQL: {error.Message}", error);
            }

            var baseTopics = new Operations.Status.PipelineStatusOptions().OutputTopics;
            await VersionTopics.EnsureAsync(statusOptions, baseTopics, version, environment, cancellationToken);

            await environment.Out.WriteLineAsync($"""

                Version {version} is ready beside {(serving.Version?.Name ?? "nothing")} (serving {schema}). Start its hosts with the serving hosts' settings
                plus the version (and ports of their own on a shared machine), e.g.:
                  dotnet OrleansPlans.Host.dll <the serving hosts' settings> --Pipeline:Version={version}
                It reads every input topic from the earliest retained offset (consumer group {statusOptions.InputConsumerGroup}), keeps its
                grain state apart (namespace {version.StateNamespace}, cluster {statusOptions.ClusterId}), writes topics *-{version} and
                tables in {statusOptions.AnalyticsSchema}. Follow it with:  orleansplans reprocess status {version}
                and once it has caught up:            orleansplans reprocess switch {version}
                """);
            return ExitCodes.Ok;
        });
        return command;
    }
}
