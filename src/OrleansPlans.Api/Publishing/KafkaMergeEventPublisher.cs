using Confluent.Kafka;
using OrleansPlans.Domain.Contract;
using OrleansPlans.Domain.Events;

namespace OrleansPlans.Api.Publishing;

/// <summary>
/// Publishes merge events to the merge topic with an idempotent producer (<c>acks=all</c>): key = source plan id,
/// value = the contract's JSON (<see cref="ContractCodec.EncodeMerge"/>), exactly what any other producer writes.
/// A duplicate written by a retry is harmless: the coordinator ignores a merge event id it already decided.
/// </summary>
public sealed class KafkaMergeEventPublisher : IMergeEventPublisher, IDisposable
{
    private static readonly TimeSpan FlushOnDispose = TimeSpan.FromSeconds(5);
    private readonly IProducer<string, byte[]> _producer;
    private readonly string _topic;

    /// <summary>Creates the producer; <paramref name="config"/> is used as given (see <see cref="KafkaMergePublisherServiceCollectionExtensions"/>).</summary>
    public KafkaMergeEventPublisher(ProducerConfig config, string topic)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        _topic = topic;
        _producer = new ProducerBuilder<string, byte[]>(config).Build();
    }

    /// <inheritdoc />
    public async Task PublishAsync(MergeEvent merge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merge);
        var message = new Message<string, byte[]> { Key = merge.SourcePlanId, Value = ContractCodec.EncodeMerge(merge) };
        var result = await _producer.ProduceAsync(_topic, message, cancellationToken);
        if (result.Status != PersistenceStatus.Persisted)
        {
            throw new KafkaException(new Error(Confluent.Kafka.ErrorCode.Unknown, $"the broker did not confirm the merge event (status {result.Status})"));
        }
    }

    /// <summary>Waits briefly for anything still in flight, then closes the producer.</summary>
    public void Dispose()
    {
        _producer.Flush(FlushOnDispose);
        _producer.Dispose();
    }
}
