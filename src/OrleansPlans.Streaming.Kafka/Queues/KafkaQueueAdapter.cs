using System.Text;
using Confluent.Kafka;
using Orleans.Runtime;
using Orleans.Streams;

namespace OrleansPlans.Streaming.Kafka;

/// <summary>Produces stream items to Kafka and creates partition receivers.</summary>
internal sealed class KafkaQueueAdapter(
    string name,
    KafkaQueueMapper mapper,
    KafkaProducerHolder producer,
    IKafkaRecordEncoder encoder,
    KafkaStreamMetrics metrics,
    Func<QueueId, IQueueAdapterReceiver> createReceiver) : IQueueAdapter
{
    public string Name => name;

    /// <summary>
    /// False: a partition carries many streams, so replaying one stream from an older offset would mean re-reading the
    /// whole partition for every stream on it. Subscriptions start at the live position; recovery after failures comes
    /// from checkpoints (records after the checkpoint are redelivered), not from per-stream rewind.
    /// </summary>
    public bool IsRewindable => false;

    public StreamProviderDirection Direction => StreamProviderDirection.ReadWrite;

    public async Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (token is not null)
        {
            throw new ArgumentException("Kafka assigns record positions; publishing with a sequence token is not supported.", nameof(token));
        }

        var ns = streamId.GetNamespace() ?? "";
        if (!mapper.TryGetTopicForNamespace(ns, out var topic))
        {
            throw new ArgumentException($"Stream namespace '{ns}' is not mapped to a Kafka topic (see KafkaStreamOptions.Topics).", nameof(streamId));
        }

        // The stream key is the record key, so all items of a stream land in one partition, in order.
        var key = Encoding.UTF8.GetBytes(streamId.GetKeyAsString());
        var deliveries = new List<Task<DeliveryResult<byte[]?, byte[]?>>>();
        foreach (var item in events)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(events));
            deliveries.Add(producer.Producer.ProduceAsync(topic, new Message<byte[]?, byte[]?> { Key = key, Value = encoder.Encode(item) }));
        }

        await Task.WhenAll(deliveries).ConfigureAwait(false);
        metrics.Produced(topic, deliveries.Count);
    }

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) => createReceiver(queueId);
}
