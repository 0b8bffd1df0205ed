using Microsoft.Extensions.Logging;

namespace OrleansPlans.Streaming.Kafka;

/// <summary>
/// Counts the failures of each partition's receiver to get past a record, and reports the partition once they repeat:
/// a stall must show in readiness and status, not only as a warning repeated in the log. An entry goes when the
/// partition's checkpoint passes its offset, or when this process stops reading the partition.
/// </summary>
internal sealed class KafkaStuckPartitionRegistry(string providerName, TimeProvider timeProvider, ILogger<KafkaStuckPartitionRegistry> logger)
    : IKafkaStuckPartitions
{
    /// <summary>
    /// Failures in a row at one offset before a partition counts as stuck: one failed dead-letter write can be a broker
    /// hiccup (the receiver rewinds and tries again); three in a row at the same record are not.
    /// </summary>
    public const int FailuresBeforeStuck = 3;

    private readonly Lock _lock = new();
    private readonly Dictionary<(string Topic, int Partition, long Offset), KafkaStuckPartition> _failing = [];

    /// <inheritdoc />
    public IReadOnlyList<KafkaStuckPartition> Current
    {
        get
        {
            lock (_lock)
            {
                return
                [
                    .. _failing.Values.Where(p => p.Failures >= FailuresBeforeStuck)
                        .OrderBy(p => p.Topic, StringComparer.Ordinal).ThenBy(p => p.Partition).ThenBy(p => p.Offset),
                ];
            }
        }
    }

    /// <summary>Getting past <paramref name="offset"/> failed once more.</summary>
    public void Failed(string topic, int partition, long offset, string error) => Record(topic, partition, offset, error, failures: 1);

    /// <summary>The partition cannot get past <paramref name="offset"/> until its reader restarts: stuck at once.</summary>
    public void Stuck(string topic, int partition, long offset, string error) => Record(topic, partition, offset, error, FailuresBeforeStuck);

    /// <summary>The partition's checkpoint covers <paramref name="completedThrough"/>: every record up to it is done.</summary>
    public void Passed(string topic, int partition, long completedThrough) =>
        Remove(key => key.Topic == topic && key.Partition == partition && key.Offset <= completedThrough);

    /// <summary>This process no longer reads the partition; its next reader reports for itself.</summary>
    public void Cleared(string topic, int partition) => Remove(key => key.Topic == topic && key.Partition == partition);

    private void Record(string topic, int partition, long offset, string error, int failures)
    {
        lock (_lock)
        {
            var key = (topic, partition, offset);
            var entry = _failing.TryGetValue(key, out var earlier)
                ? earlier with { Failures = earlier.Failures + failures, LastError = error }
                : new KafkaStuckPartition(topic, partition, offset, timeProvider.GetUtcNow(), failures, error);
            _failing[key] = entry;
            if (entry.Failures >= FailuresBeforeStuck && (earlier?.Failures ?? 0) < FailuresBeforeStuck)
            {
                KafkaLog.PartitionStuck(logger, providerName, topic, partition, offset, entry.Failures, error);
            }
        }
    }

    private void Remove(Func<(string Topic, int Partition, long Offset), bool> match)
    {
        lock (_lock)
        {
            if (_failing.Count == 0)
            {
                return;
            }

            foreach (var key in _failing.Keys.Where(match).ToList())
            {
                if (_failing.Remove(key, out var was) && was.Failures >= FailuresBeforeStuck)
                {
                    KafkaLog.PartitionUnstuck(logger, providerName, key.Topic, key.Partition, key.Offset);
                }
            }
        }
    }
}
