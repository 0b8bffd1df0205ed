using Orleans.Streams;

namespace OrleansPlans.Streaming.Kafka;

/// <summary>
/// The sequence token of an item read from Kafka. Consumers get it with every item
/// (<c>OnNextAsync(item, token)</c>): cast it to read <see cref="Position"/>, e.g. to dead-letter the item later through
/// <see cref="IKafkaDeadLetterSink"/>. Tokens of one partition order by offset.
/// </summary>
[GenerateSerializer, Immutable]
public sealed class KafkaSequenceToken : StreamSequenceToken
{
    /// <summary>Creates a token for a record position.</summary>
    public KafkaSequenceToken(string topic, int partition, long offset)
    {
        Topic = topic;
        Partition = partition;
        SequenceNumber = offset;
    }

    /// <summary>The record's topic.</summary>
    [Id(0)]
    public string Topic { get; private set; }

    /// <summary>The record's partition.</summary>
    [Id(1)]
    public int Partition { get; private set; }

    /// <summary>The record's offset.</summary>
    [Id(2)]
    public override long SequenceNumber { get; protected set; }

    /// <summary>Always 0: every record has its own offset.</summary>
    public override int EventIndex { get => 0; protected set { } }

    /// <summary>The record's offset (same as <see cref="SequenceNumber"/>).</summary>
    public long Offset => SequenceNumber;

    /// <summary>Topic, partition and offset of the record.</summary>
    public KafkaPosition Position => new(Topic, Partition, SequenceNumber);

    /// <inheritdoc />
    public override bool Equals(StreamSequenceToken? other)
        => other is KafkaSequenceToken token && token.SequenceNumber == SequenceNumber
           && token.Partition == Partition && string.Equals(token.Topic, Topic, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as StreamSequenceToken);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Topic, Partition, SequenceNumber);

    /// <inheritdoc />
    public override int CompareTo(StreamSequenceToken? other)
    {
        if (other is null)
        {
            return 1;
        }

        // Only offsets of one partition are comparable; Orleans compares tokens of one queue, i.e. one partition.
        var difference = SequenceNumber.CompareTo(other.SequenceNumber);
        return difference != 0 ? difference : EventIndex.CompareTo(other.EventIndex);
    }

    /// <inheritdoc />
    public override string ToString() => $"KafkaSequenceToken({Topic}|{Partition}|{SequenceNumber})";
}
