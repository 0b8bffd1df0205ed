using System.CommandLine;
using System.Globalization;
using OrleansPlans.Cli.Terminal;
using OrleansPlans.Operations.Status;
using OrleansPlans.Operations.Versions;

namespace OrleansPlans.Cli.Commands.Reprocess;

/// <summary>
/// <c>reprocess status VERSION</c>: the version's progress through the retained input beside the serving version's
/// (lag per input topic, sink lag), and whether it has caught up; <c>--wait</c> polls until it has.
/// </summary>
internal static class ReprocessStatusCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var options = new ReprocessOptions(environment);
        var wait = new Option<bool>("--wait") { Description = "Poll until VERSION has caught up (input and sink lag 0), then print; exit 1 if not within --timeout." };
        var timeout = StatusWait.TimeoutOption();
        var command = options.AddTo(new Command("status", "Show VERSION's progress beside the serving version; exit 0 when readable (with --wait: once caught up)."));
        command.Options.Add(wait);
        command.Options.Add(timeout);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var version = options.VersionOf(parsed);
            await using var dataSource = options.DataSource(parsed);
            var serving = await ReprocessOptions.ReadServingAsync(dataSource, options.ServingSchemaOf(parsed), cancellationToken);
            var (code, status) = parsed.GetValue(wait)
                ? await StatusWait.WaitAsync(ct => options.ReadStatusAsync(parsed, dataSource, version, serving, ct), parsed.GetValue(timeout), environment.Error, cancellationToken)
                : (ExitCodes.Ok, await options.ReadStatusAsync(parsed, dataSource, version, serving, cancellationToken));
            var servingStatus = serving.Version is { } current && current != version
                ? await options.ReadStatusAsync(parsed, dataSource, current, serving, cancellationToken)
                : null;
            await PrintAsync(environment.Out, environment.IsInteractive, serving, version, status, servingStatus);
            foreach (var warning in status.Warnings)
            {
                await environment.Error.WriteLineAsync($"warning: {version}: {warning}");
            }

            return code == ExitCodes.Ok && status.Kafka.Reachable && status.Postgres.Reachable ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }

    private static async Task PrintAsync(TextWriter output, bool interactive, ServingState serving, PipelineVersion version, PipelineStatus status, PipelineStatus? servingStatus)
    {
        await output.WriteLineAsync($"{serving.ServingSchema} serves: {serving.Version?.Name ?? "nothing yet"}{(serving.HoldsTables ? $" (its tables are in {serving.ServingSchema})" : "")}");
        var rows = new List<string[]>();
        if (servingStatus is not null)
        {
            rows.Add(Row(serving.Version!.Name, "serving", servingStatus, serving.DataSchemaOf(serving.Version!)));
        }

        rows.Add(Row(version.Name, serving.Serves(version) ? "serving" : "new", status, serving.DataSchemaOf(version)));
        await TextTable.WriteAsync(output, interactive, ["version", "role", "input group", "input lag", "sink lag", "tables"], rows);

        await output.WriteLineAsync();
        await output.WriteLineAsync($"Input read by {version} (records read of those retained, per topic):");
        var byTopic = status.InputLag.GroupBy(p => p.Topic, StringComparer.Ordinal).Select(topic =>
        {
            var retained = topic.Sum(p => p.HighWatermark - p.LowWatermark);
            var lag = topic.All(p => p.Lag is not null) ? topic.Sum(p => p.Lag!.Value) : (long?)null;
            var read = lag is { } known ? retained - known : (long?)null;
            var percent = read is { } r && retained > 0 ? (100.0 * r / retained).ToString("0.0", CultureInfo.InvariantCulture) + " %" : retained == 0 ? "100 %" : "unknown";
            return new[] { topic.Key, read is { } value ? N(value) : "unknown", N(retained), percent };
        });
        await TextTable.WriteAsync(output, interactive, ["topic", "read", "retained", "progress"], byTopic);

        await output.WriteLineAsync();
        var behind = StatusWait.Behind(status);
        await output.WriteLineAsync(behind is null
            ? $"{version} has caught up: input and sink lag 0.{(serving.Serves(version) ? "" : $" Switch with: orleansplans reprocess switch {version}")}"
            : $"{version} has not caught up: {behind}");
    }

    private static string[] Row(string version, string role, PipelineStatus status, string schema) =>
        [version, role, status.InputConsumerGroup, Lag(status.TotalInputLag), Lag(status.TotalSinkLag), schema];

    private static string Lag(long? lag) => lag is { } known ? N(known) : "unknown";

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
