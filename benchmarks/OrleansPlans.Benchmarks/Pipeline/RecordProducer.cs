using Confluent.Kafka;
using OrleansPlans.Benchmarks.Workload;

namespace OrleansPlans.Benchmarks.Pipeline;

/// <summary>Produces contract records to the broker as an external producer would (keyed by user, idempotent, batched).</summary>
public static class RecordProducer
{
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The producer settings every part uses: idempotence keeps each partition's order under retries.</summary>
    public static ProducerConfig Config(string bootstrapServers, int lingerMs) =>
        new() { BootstrapServers = bootstrapServers, Acks = Acks.All, EnableIdempotence = true, LingerMs = lingerMs };

    /// <summary>Produces every record and waits until all are acknowledged; throws on the first delivery error.</summary>
    public static void ProduceAll(string bootstrapServers, IReadOnlyList<ContractRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var producer = new ProducerBuilder<string, byte[]>(Config(bootstrapServers, lingerMs: 5)).Build();
        Error? failure = null;
        foreach (var record in records)
        {
            Produce(producer, record, report => failure ??= report.Error.IsError ? report.Error : null);
        }

        if (producer.Flush(FlushTimeout) > 0 || failure is not null)
        {
            throw new InvalidOperationException($"Producing the workload failed: {failure?.Reason ?? "not all records acknowledged in time"}");
        }
    }

    /// <summary>Enqueues one record, waiting while the producer's local queue is full (back-pressure, not failure).</summary>
    public static void Produce(IProducer<string, byte[]> producer, ContractRecord record, Action<DeliveryReport<string, byte[]>> delivered)
    {
        ArgumentNullException.ThrowIfNull(producer);
        ArgumentNullException.ThrowIfNull(record);
        var message = new Message<string, byte[]> { Key = record.Key, Value = record.Value };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                producer.Produce(record.Topic, message, delivered);
                return;
            }
            catch (ProduceException<string, byte[]> full) when (full.Error.Code == Confluent.Kafka.ErrorCode.Local_QueueFull && attempt < 10_000)
            {
                producer.Poll(TimeSpan.FromMilliseconds(10));
            }
        }
    }
}
