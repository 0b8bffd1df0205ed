using System.Collections.Frozen;
using Orleans.Runtime;
using Orleans.Streams;

namespace OrleansPlans.Streaming.Kafka;

/// <summary>Maps every (topic, partition) to one Orleans queue, and back.</summary>
internal sealed class KafkaQueueMapper : IConsistentRingStreamQueueMapper
{
    private readonly QueueId[] _queues;
    private readonly FrozenDictionary<QueueId, KafkaPartitionQueue> _byQueue;
    private readonly FrozenDictionary<string, QueueId[]> _byNamespace;

    public KafkaQueueMapper(IEnumerable<(KafkaTopicOptions Topic, int Partitions)> topics)
    {
        var all = topics.ToList();
        var total = (ulong)Math.Max(1, all.Sum(t => t.Partitions));
        var index = 0UL;
        var byQueue = new Dictionary<QueueId, KafkaPartitionQueue>();
        var byNamespace = new Dictionary<string, QueueId[]>(StringComparer.Ordinal);
        var queues = new List<QueueId>();
        foreach (var (topic, partitions) in all)
        {
            var topicQueues = new QueueId[partitions];
            for (var p = 0; p < partitions; p++)
            {
                // Queues sit evenly spaced on Orleans' consistent ring, the same on every silo, so the ring balancer
                // spreads them over the silos' ranges and moves them when a silo joins or leaves.
                var hash = (uint)(index++ * uint.MaxValue / total);
                var queueId = QueueId.GetQueueId(topic.Name, (uint)p, hash);
                topicQueues[p] = queueId;
                byQueue[queueId] = new KafkaPartitionQueue(topic.Name, p, topic.EffectiveStreamNamespace);
                queues.Add(queueId);
            }

            byNamespace[topic.EffectiveStreamNamespace] = topicQueues;
        }

        _queues = [.. queues];
        _byQueue = byQueue.ToFrozenDictionary();
        _byNamespace = byNamespace.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IEnumerable<QueueId> GetAllQueues() => _queues;

    public IEnumerable<QueueId> GetQueuesForRange(IRingRange range) => _queues.Where(q => range.InRange(q.GetUniformHashCode()));

    /// <summary>
    /// The queue a stream's records are expected in. Only advisory: records are produced with the stream key as
    /// Kafka key and land wherever the producer's partitioner puts them; receivers read whole partitions.
    /// </summary>
    public QueueId GetQueueForStream(StreamId streamId)
    {
        var ns = streamId.GetNamespace() ?? "";
        if (!_byNamespace.TryGetValue(ns, out var queues))
        {
            throw new ArgumentException($"Stream namespace '{ns}' is not mapped to a Kafka topic (see KafkaStreamOptions.Topics).", nameof(streamId));
        }

        return queues[(int)((uint)StableHash.Of(streamId.GetKeyAsString()) % (uint)queues.Length)];
    }

    public KafkaPartitionQueue GetPartition(QueueId queueId)
        => _byQueue.TryGetValue(queueId, out var partition)
            ? partition
            : throw new ArgumentException($"Queue {queueId} is not a Kafka partition of this provider.", nameof(queueId));

    public bool TryGetTopicForNamespace(string streamNamespace, out string topic)
    {
        if (_byNamespace.TryGetValue(streamNamespace, out var queues))
        {
            topic = _byQueue[queues[0]].Topic;
            return true;
        }

        topic = "";
        return false;
    }
}
