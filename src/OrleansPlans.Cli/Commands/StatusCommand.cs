using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OrleansPlans.Cli.Terminal;
using OrleansPlans.Operations.Status;

namespace OrleansPlans.Cli.Commands;

/// <summary><c>orleansplans status</c>: lag per partition, silos and dead letters.</summary>
internal static class StatusCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var bootstrap = CommonOptions.Bootstrap();
        var bootstrapFile = CommonOptions.BootstrapFile();
        var kafkaConfig = CommonOptions.KafkaConfig();
        var connection = CommonOptions.Connection();
        var schema = CommonOptions.Schema();
        var inputGroup = new Option<string>("--input-group")
        {
            Description = "The silos' consumer group (the host's Kafka:ConsumerGroupId).",
            DefaultValueFactory = _ => new PipelineStatusOptions().InputConsumerGroup,
            HelpName = "GROUP",
        };
        var sinkGroup = new Option<string>("--sink-group")
        {
            Description = "The sink's consumer group (its rows in sink_offsets).",
            DefaultValueFactory = _ => new PipelineStatusOptions().SinkConsumerGroup,
            HelpName = "GROUP",
        };
        var json = new Option<bool>("--json") { Description = "Print the status as JSON (the same document as GET /api/v1/status)." };
        var wait = new Option<bool>("--wait")
        {
            Description = "Poll until input and sink lag are 0 and no partition is stuck, then print the status; exit 1 if that is not reached (or the lag stays unknown) within --timeout.",
        };
        var timeout = StatusWait.TimeoutOption();
        var command = new Command("status", "Print the pipeline's status: input and sink lag per partition, silos, dead letters (exit 1 if Kafka or PostgreSQL is unreachable).")
        {
            bootstrap, bootstrapFile, kafkaConfig, connection, schema, inputGroup, sinkGroup, json, wait, timeout,
        };

        command.SetAction(async (parsed, cancellationToken) =>
        {
            var options = new PipelineStatusOptions
            {
                BootstrapServers = CommonOptions.ResolveBootstrap(parsed, bootstrap, bootstrapFile, environment),
                ConnectionString = CommonOptions.ResolveConnection(parsed, connection, environment),
                AnalyticsSchema = parsed.GetRequiredValue(schema),
                InputConsumerGroup = parsed.GetRequiredValue(inputGroup),
                SinkConsumerGroup = parsed.GetRequiredValue(sinkGroup),
            };
            foreach (var (key, value) in CommonOptions.ResolveKafkaConfig(parsed, kafkaConfig))
            {
                options.ClientConfig[key] = value;
            }

            PipelineStatusReader reader;
            try
            {
                reader = new PipelineStatusReader(options);
            }
            catch (ArgumentException error)
            {
                throw new CliFailure(error.Message, error);
            }

            await using var _ = reader;
            var (waited, status) = parsed.GetValue(wait)
                ? await StatusWait.WaitAsync(reader.ReadAsync, parsed.GetValue(timeout), environment.Error, cancellationToken)
                : (ExitCodes.Ok, await reader.ReadAsync(cancellationToken));
            if (parsed.GetValue(json))
            {
                await environment.Out.WriteLineAsync(JsonSerializer.Serialize(status, PipelineStatusJsonContext.Default.PipelineStatus));
            }
            else
            {
                await PrintAsync(environment.Out, environment.IsInteractive, status);
            }

            foreach (var warning in status.Warnings)
            {
                await environment.Error.WriteLineAsync($"warning: {warning}");
            }

            return waited == ExitCodes.Ok && status.Kafka.Reachable && status.Postgres.Reachable ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }

    private static async Task PrintAsync(TextWriter output, bool interactive, PipelineStatus status)
    {
        await output.WriteLineAsync($"Pipeline status at {status.ReadAt:yyyy-MM-dd HH:mm:ss}Z");
        await output.WriteLineAsync($"Kafka       {Describe(status.Kafka)}");
        await output.WriteLineAsync($"PostgreSQL  {Describe(status.Postgres)}");

        await output.WriteLineAsync();
        await output.WriteLineAsync($"Input lag (silos, group {status.InputConsumerGroup}): {Records(status.TotalInputLag)}");
        await LagTableAsync(output, interactive, status.InputLag);

        await output.WriteLineAsync();
        await output.WriteLineAsync($"Sink lag (tables, group {status.SinkConsumerGroup}): {Records(status.TotalSinkLag)}");
        await LagTableAsync(output, interactive, status.SinkLag);

        if (status.StuckPartitions.Count > 0)
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync($"STUCK partitions: {status.StuckPartitions.Count}");
            await TextTable.WriteAsync(output, interactive, ["topic", "partition", "offset", "since", "failures", "last error"],
                status.StuckPartitions.Select(p => new[] { p.Topic, N(p.Partition), N(p.Offset), Time(p.Since), N(p.Failures), p.LastError }));
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync($"Silos: {status.Silos.Count(s => s.Status == "Active")} active of {status.Silos.Count} listed");
        if (status.Silos.Count > 0)
        {
            await TextTable.WriteAsync(output, interactive, ["address", "status", "host", "cluster", "started", "last alive"],
                status.Silos.Select(s => new[] { s.Address, s.Status, s.HostName, s.ClusterId, Time(s.StartTime), Time(s.IAmAliveTime) }));
        }

        await output.WriteLineAsync();
        if (status.DeadLetters is not { } dead)
        {
            await output.WriteLineAsync("Dead letters: unknown");
            return;
        }

        await output.WriteLineAsync($"Dead letters: {N(dead.Count)}");
        if (dead.Newest.Count > 0)
        {
            await TextTable.WriteAsync(output, interactive, ["received", "topic", "partition", "offset", "reason"],
                dead.Newest.Select(d => new[] { Time(d.ReceivedAt), d.SourceTopic, N(d.SourcePartition), N(d.SourceOffset), d.Reason }));
        }
    }

    private static async Task LagTableAsync(TextWriter output, bool interactive, IReadOnlyList<PartitionLag> partitions)
    {
        if (partitions.Count == 0)
        {
            await output.WriteLineAsync("  (no partitions to show)");
            return;
        }

        await TextTable.WriteAsync(output, interactive, ["topic", "partition", "position", "end", "lag"],
            partitions.Select(p => new[] { p.Topic, N(p.Partition), p.Position is { } position ? N(position) : "none", N(p.HighWatermark), p.Lag is { } lag ? N(lag) : "unknown" }));
    }

    private static string Describe(Reachability reachability) => reachability.Reachable ? "reachable" : $"UNREACHABLE: {reachability.Error}";

    private static string Records(long? total) => total is { } known ? $"{N(known)} records" : "unknown";

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
