using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using OrleansPlans.Cli.Terminal;

namespace OrleansPlans.Cli.Producing;

/// <summary>Sends the lines of a JSONL file to a topic through one idempotent producer, reporting bad lines by number.</summary>
internal sealed class JsonlProducer(string bootstrapServers, IReadOnlyDictionary<string, string> clientConfig, CliEnvironment environment)
{
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(60);

    public async Task<ProduceReport> ProduceAsync(FileInfo file, string topic, string? keyField, bool stopOnError, CancellationToken cancellationToken)
    {
        var total = await CountLinesAsync(file, cancellationToken).ConfigureAwait(false);
        var config = new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = 5,
            MessageTimeoutMs = 30_000,
            AllowAutoCreateTopics = false,
        };
        foreach (var (key, value) in clientConfig)
        {
            config.Set(key, value);
        }

        string? lastError = null;
        using var producer = new ProducerBuilder<string?, byte[]>(config)
            .SetErrorHandler((_, error) => lastError = error.Reason)
            .SetLogHandler((_, _) => { })
            .Build();
        EnsureTopicExists(producer, topic, () => lastError);

        long delivered = 0, failed = 0, bad = 0;
        string? firstFailure = null;
        await using var progress = new ProgressBar(environment.Out, environment.IsInteractive, "lines");
        void OnDelivery(DeliveryReport<string?, byte[]> report)
        {
            if (report.Error.IsError)
            {
                Interlocked.CompareExchange(ref firstFailure, report.Error.Reason, null);
                Interlocked.Increment(ref failed);
            }
            else
            {
                Interlocked.Increment(ref delivered);
            }
        }

        var stopped = false;
        var lineNumber = 0L;
        using (var reader = file.OpenText())
        {
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var problem = Check(line, keyField, topic, out var key);
                if (problem is not null)
                {
                    bad++;
                    await environment.Error.WriteLineAsync($"{file.Name}:{lineNumber}: {problem}").ConfigureAwait(false);
                    if (stopOnError)
                    {
                        stopped = true;
                        break;
                    }

                    continue;
                }

                Send(producer, topic, new Message<string?, byte[]> { Key = key, Value = Encoding.UTF8.GetBytes(line.Trim()) }, OnDelivery, cancellationToken);
                progress.Report(Interlocked.Read(ref delivered) + bad, total);
            }
        }

        Flush(producer, cancellationToken);
        progress.Report(Interlocked.Read(ref delivered) + Interlocked.Read(ref failed) + bad, stopped ? Interlocked.Read(ref delivered) + Interlocked.Read(ref failed) + bad : total);
        await progress.CompleteAsync().ConfigureAwait(false);
        if (firstFailure is not null)
        {
            await environment.Error.WriteLineAsync($"error: {failed:N0} records were not acknowledged, e.g.: {firstFailure}").ConfigureAwait(false);
        }

        if (stopped)
        {
            await environment.Error.WriteLineAsync($"error: stopped at line {lineNumber} (--stop-on-error); the lines before it were sent.").ConfigureAwait(false);
        }

        return new ProduceReport(delivered, bad, failed, stopped);
    }

    /// <summary>Null when the line can be sent (and its key), otherwise why not.</summary>
    private static string? Check(string line, string? keyField, string topic, out string? key)
    {
        key = null;
        try
        {
            using var document = JsonDocument.Parse(line);
            if (keyField is null)
            {
                return null;
            }

            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty(keyField, out var field)
                || field.ValueKind != JsonValueKind.String
                || string.IsNullOrEmpty(field.GetString()))
            {
                return $"no non-empty string field '{keyField}' (the record key on {topic}; see --key-field)";
            }

            key = field.GetString();
            return null;
        }
        catch (JsonException error)
        {
            return $"not valid JSON: {error.Message}";
        }
    }

    private static void Send(IProducer<string?, byte[]> producer, string topic, Message<string?, byte[]> message,
        Action<DeliveryReport<string?, byte[]>> onDelivery, CancellationToken cancellationToken)
    {
        // The local queue is bounded; when it is full, serve delivery reports until there is room (bounded by the flush timeout).
        // Hand-written, not a retry policy: Poll is librdkafka's own back-pressure, it frees room as it waits.
        var deadline = DateTime.UtcNow + FlushTimeout;
        while (true)
        {
            try
            {
                producer.Produce(topic, message, onDelivery);
                return;
            }
            catch (ProduceException<string?, byte[]> error) when (error.Error.Code == Confluent.Kafka.ErrorCode.Local_QueueFull && DateTime.UtcNow < deadline)
            {
                cancellationToken.ThrowIfCancellationRequested();
                producer.Poll(TimeSpan.FromMilliseconds(100));
            }
        }
    }

    private static void Flush(IProducer<string?, byte[]> producer, CancellationToken cancellationToken)
    {
        var remaining = producer.Flush(FlushTimeout);
        cancellationToken.ThrowIfCancellationRequested();
        if (remaining > 0)
        {
            throw new CliFailure($"{remaining:N0} records were still unacknowledged after {FlushTimeout.TotalSeconds:0} s; is the cluster reachable?");
        }
    }

    private static void EnsureTopicExists(IProducer<string?, byte[]> producer, string topic, Func<string?> lastError)
    {
        using var admin = new DependentAdminClientBuilder(producer.Handle).Build();
        Metadata metadata;
        try
        {
            metadata = admin.GetMetadata(MetadataTimeout);
        }
        catch (KafkaException error)
        {
            throw new CliFailure($"Kafka is not reachable: {lastError() ?? error.Error.Reason}", error);
        }

        if (metadata.Topics.SingleOrDefault(t => t.Topic == topic) is not { Error.IsError: false, Partitions.Count: > 0 })
        {
            throw new CliFailure($"Topic '{topic}' does not exist on the cluster (create it first, or check --topic).");
        }
    }

    private static async Task<long> CountLinesAsync(FileInfo file, CancellationToken cancellationToken)
    {
        long count = 0;
        using var reader = file.OpenText();
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                count++;
            }
        }

        return count;
    }
}
