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
        var command = new Command("status", "Print the pipeline's status: input and sink lag per partition, silos, dead letters (exit 1 if Kafka or PostgreSQL is unreachable).")
        {
            bootstrap, bootstrapFile, kafkaConfig, connection, schema, inputGroup, sinkGroup, json,
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
            var status = await reader.ReadAsync(cancellationToken);
            if (parsed.GetValue(json))
            {
                await environment.Out.WriteLineAsync(JsonSerializer.Serialize(status, PipelineStatusJsonContext.Default.PipelineStatus));
            }
            else
            {
                await PrintAsync(environment.Out, status);
            }

            foreach (var warning in status.Warnings)
            {
                await environment.Error.WriteLineAsync($"warning: {warning}");
            }

            return status.Kafka.Reachable && status.Postgres.Reachable ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }

    private static async Task PrintAsync(TextWriter output, PipelineStatus status)
    {
        await output.WriteLineAsync($"Pipeline status at {status.ReadAt:yyyy-MM-dd HH:mm:ss}Z");
        await output.WriteLineAsync($"Kafka       {Describe(status.Kafka)}");
        await output.WriteLineAsync($"PostgreSQL  {Describe(status.Postgres)}");

        await output.WriteLineAsync();
        await output.WriteLineAsync($"Input lag (silos, group {status.InputConsumerGroup}): {N(status.TotalInputLag)} records");
        await LagTableAsync(output, status.InputLag);

        await output.WriteLineAsync();
        await output.WriteLineAsync($"Sink lag (tables, group {status.SinkConsumerGroup}): {N(status.TotalSinkLag)} records");
        await LagTableAsync(output, status.SinkLag);

        await output.WriteLineAsync();
        await output.WriteLineAsync($"Silos: {status.Silos.Count(s => s.Status == "Active")} active of {status.Silos.Count} listed");
        if (status.Silos.Count > 0)
        {
            await TextTable.WriteAsync(output, ["address", "status", "host", "cluster", "started", "last alive"],
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
            await TextTable.WriteAsync(output, ["received", "topic", "partition", "offset", "reason"],
                dead.Newest.Select(d => new[] { Time(d.ReceivedAt), d.SourceTopic, N(d.SourcePartition), N(d.SourceOffset), d.Reason }));
        }
    }

    private static async Task LagTableAsync(TextWriter output, IReadOnlyList<PartitionLag> partitions)
    {
        if (partitions.Count == 0)
        {
            await output.WriteLineAsync("  (no partitions to show)");
            return;
        }

        await TextTable.WriteAsync(output, ["topic", "partition", "position", "end", "lag"],
            partitions.Select(p => new[] { p.Topic, N(p.Partition), p.Position is { } position ? N(position) : "none", N(p.HighWatermark), N(p.Lag) }));
    }

    private static string Describe(Reachability reachability) => reachability.Reachable ? "reachable" : $"UNREACHABLE: {reachability.Error}";

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
