using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace OrleansPlans.Streaming.Kafka;

/// <summary>The one idempotent producer a silo or client uses per provider, for stream records and dead letters alike.</summary>
internal sealed class KafkaProducerHolder : IDisposable
{
    private readonly Lazy<IProducer<byte[]?, byte[]?>> _producer;

    public KafkaProducerHolder(KafkaStreamOptions options, KafkaLogLimiter logLimiter, ILogger<KafkaProducerHolder> logger)
        => _producer = new Lazy<IProducer<byte[]?, byte[]?>>(() => Create(options, logLimiter, logger), LazyThreadSafetyMode.ExecutionAndPublication);

    public IProducer<byte[]?, byte[]?> Producer => _producer.Value;

    public void Dispose()
    {
        if (_producer.IsValueCreated)
        {
            // Flush bounded: at shutdown waiting for an unreachable broker forever would hang the host.
            _producer.Value.Flush(TimeSpan.FromSeconds(10));
            _producer.Value.Dispose();
        }
    }

    private static IProducer<byte[]?, byte[]?> Create(KafkaStreamOptions options, KafkaLogLimiter logLimiter, ILogger logger)
    {
        var config = new ProducerConfig(KafkaClientConfig.Build(options))
        {
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = options.ProducerLinger.TotalMilliseconds,
        };
        return new ProducerBuilder<byte[]?, byte[]?>(config)
            .SetLogHandler((_, message) => KafkaLog.FromLibrdkafka(logger, logLimiter, message))
            .Build();
    }
}
