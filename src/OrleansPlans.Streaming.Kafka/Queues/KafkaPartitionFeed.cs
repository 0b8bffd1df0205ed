using System.Collections.Concurrent;
using Confluent.Kafka;

namespace OrleansPlans.Streaming.Kafka;

/// <summary>
/// The records the silo's <see cref="KafkaSharedConsumer"/> has read for one partition and its receiver has not taken
/// yet. Bounded softly: past <see cref="High"/> records the consumer pauses the partition, and taking it back down to
/// <see cref="Low"/> resumes it, so one slow queue never holds up the others that share the consumer.
/// </summary>
internal sealed class KafkaPartitionFeed(TopicPartition partition, int high)
{
    private readonly ConcurrentQueue<ConsumeResult<byte[]?, byte[]?>> _records = new();
    private int _count;
    private int _resumeRequested;
    private volatile bool _rewinding;

    public TopicPartition Partition { get; } = partition;

    public int High { get; } = Math.Max(2, high);

    public int Low => High / 2;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Set and read only by the consumer's thread.</summary>
    internal bool Paused { get; set; }

    /// <summary>Called when taking a record brought a paused feed down to <see cref="Low"/>.</summary>
    internal Action<KafkaPartitionFeed>? OnDrained { get; set; }

    /// <summary>The next record of the partition, if one was read; nothing while a rewind is pending.</summary>
    public bool TryTake(out ConsumeResult<byte[]?, byte[]?> record)
    {
        record = null!;
        if (_rewinding || !_records.TryDequeue(out var taken))
        {
            return false;
        }

        record = taken;
        if (Interlocked.Decrement(ref _count) <= Low && Paused && Interlocked.Exchange(ref _resumeRequested, 1) == 0)
        {
            OnDrained?.Invoke(this);
        }

        return true;
    }

    /// <summary>Consumer thread: a record read for this partition.</summary>
    internal void Add(ConsumeResult<byte[]?, byte[]?> record)
    {
        _records.Enqueue(record);
        Interlocked.Increment(ref _count);
    }

    /// <summary>Consumer thread: the partition was resumed.</summary>
    internal void Resumed()
    {
        Paused = false;
        Volatile.Write(ref _resumeRequested, 0);
    }

    /// <summary>Receiver: stop handing out records until the consumer has sought back (<see cref="Rewound"/>).</summary>
    internal void BeginRewind()
    {
        _rewinding = true;
        Clear();
    }

    /// <summary>Consumer thread: the seek is done; records read before it are dropped.</summary>
    internal void Rewound()
    {
        Clear();
        _rewinding = false;
    }

    private void Clear()
    {
        while (_records.TryDequeue(out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }
}
