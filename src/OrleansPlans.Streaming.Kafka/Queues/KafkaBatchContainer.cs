using Orleans.Runtime;
using Orleans.Streams;

namespace OrleansPlans.Streaming.Kafka;

/// <summary>
/// The records of one stream key from one pull (in offset order, not necessarily adjacent), delivered together:
/// batch observers get them in one call.
/// </summary>
[GenerateSerializer]
internal sealed class KafkaBatchContainer : IBatchContainer
{
    public KafkaBatchContainer(StreamId streamId, string topic, int partition, List<object> events, List<long> offsets)
    {
        StreamId = streamId;
        Topic = topic;
        Partition = partition;
        Events = events;
        Offsets = offsets;
    }

    [Id(0)]
    public StreamId StreamId { get; }

    [Id(1)]
    public string Topic { get; }

    [Id(2)]
    public int Partition { get; }

    [Id(3)]
    public List<object> Events { get; }

    [Id(4)]
    public List<long> Offsets { get; }

    /// <summary>
    /// The raw values, kept on the reading silo only (never serialized) so an undeliverable batch can be dead-lettered whole.
    /// </summary>
    [NonSerialized]
    internal List<byte[]?>? RawValues;

    public long FirstOffset => Offsets[0];

    // The cache and the pulling agent read the token often; build it once per container (and again after deserialization).
    [NonSerialized]
    private KafkaSequenceToken? _sequenceToken;

    public StreamSequenceToken SequenceToken => _sequenceToken ??= new KafkaSequenceToken(Topic, Partition, FirstOffset);

    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>()
    {
        for (var i = 0; i < Events.Count; i++)
        {
            if (Events[i] is T item)
            {
                yield return Tuple.Create(item, (StreamSequenceToken)new KafkaSequenceToken(Topic, Partition, Offsets[i]));
            }
        }
    }

    public bool ImportRequestContext() => false;

    public override string ToString() => $"KafkaBatchContainer({StreamId}, {Topic}|{Partition}|{FirstOffset}, {Events.Count} events)";
}
