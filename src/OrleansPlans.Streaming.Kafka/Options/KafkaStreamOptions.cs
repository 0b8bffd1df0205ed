namespace OrleansPlans.Streaming.Kafka;

/// <summary>Settings of one Kafka stream provider. Validated when the silo or client starts.</summary>
public sealed class KafkaStreamOptions
{
    /// <summary>Comma-separated <c>host:port</c> list of brokers. Required.</summary>
    public string BootstrapServers { get; set; } = "";

    /// <summary>The topics read and written; each partition of each topic is one Orleans queue. At least one.</summary>
    public List<KafkaTopicOptions> Topics { get; } = [];

    /// <summary>
    /// Names this deployment's reading position: checkpoints are stored per consumer group, topic and partition.
    /// Partitions are assigned by Orleans' queue balancer, not by Kafka group rebalancing. Required on silos.
    /// Saved checkpoints are also committed to Kafka under this group (for lag monitoring only; never read back).
    /// </summary>
    public string ConsumerGroupId { get; set; } = "";

    /// <summary>Where a partition without a checkpoint starts. Default <see cref="KafkaStartPosition.Earliest"/>.</summary>
    public KafkaStartPosition StartPosition { get; set; } = KafkaStartPosition.Earliest;

    /// <summary>
    /// The topic that receives records that cannot be decoded or delivered. Required on silos; must not be one of <see cref="Topics"/>.
    /// </summary>
    public string DeadLetterTopic { get; set; } = "";

    /// <summary>
    /// The most bytes one dead-letter record (key and JSON value) may take. A record whose whole copy would be larger
    /// is dead-lettered with a prefix of its raw value, its original size and the SHA-256 of the whole value, so a
    /// record of any size can be dead-lettered and never stalls its partition. Null (the default) takes
    /// <c>message.max.bytes</c> from <see cref="ClientConfig"/> less 1 KiB when set, else 900,000 bytes (below the
    /// 1 MB default limit of Kafka brokers and topics). At least <see cref="MinDeadLetterMessageBytes"/>.
    /// </summary>
    public int? DeadLetterMaxMessageBytes { get; set; }

    /// <summary>The smallest <see cref="DeadLetterMaxMessageBytes"/> accepted: room for the record's position, reason and digest.</summary>
    public const int MinDeadLetterMessageBytes = 16 * 1024;

    /// <summary>The dead-letter size limit in force: <see cref="DeadLetterMaxMessageBytes"/> or its default.</summary>
    public int EffectiveDeadLetterMaxMessageBytes =>
        DeadLetterMaxMessageBytes
        ?? (ClientConfig.TryGetValue("message.max.bytes", out var configured) && int.TryParse(configured, out var max)
            ? Math.Max(MinDeadLetterMessageBytes, max - 1024)
            : 900_000);

    /// <summary>
    /// The most records one pull of one partition takes from the consumer. Orleans also caps a pull at a tenth of
    /// <see cref="CacheSize"/>. Default 500.
    /// </summary>
    public int MaxBatchSize { get; set; } = 500;

    /// <summary>
    /// The most records read but not yet delivered per partition, and the size (in batches) of the partition's Orleans
    /// queue cache. When the slowest consumer of a partition falls this far behind, reading of that partition pauses
    /// until it catches up (librdkafka's own prefetch is bounded by <c>queued.max.messages.kbytes</c> in
    /// <see cref="ClientConfig"/>). At least 10; default 4096.
    /// </summary>
    public int CacheSize { get; set; } = 4096;

    /// <summary>
    /// How often each partition is polled for new records while it is idle (a busy partition is read again at once).
    /// A poll takes only what librdkafka has already fetched in the background, so it is cheap; the interval is what a
    /// record arriving at an idle partition waits on average for half of. Default 20 ms.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// The shortest time between two checkpoint writes of one partition. A checkpoint only ever covers records already
    /// delivered (or dead-lettered). Zero writes after every delivery. Default 1 s.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether saved checkpoints are also committed to Kafka under <see cref="ConsumerGroupId"/>, so lag tools (and
    /// <c>orleansplans status</c>) see the group's position. A receiver that resumes from a stored checkpoint commits it
    /// again at once, so a quiet partition reads lag 0 after any restart. Turn off where the group may not commit (no
    /// ACL); grain storage holds the checkpoints either way. Default true.
    /// </summary>
    public bool MirrorCheckpointsToKafka { get; set; } = true;

    /// <summary>
    /// The Orleans grain storage (by name) the default checkpoint store writes to. Default <c>PubSubStore</c>,
    /// which every silo using persistent streams already has.
    /// </summary>
    public string CheckpointStorageName { get; set; } = "PubSubStore";

    /// <summary>How long the producer waits to batch records (Kafka <c>linger.ms</c>). Default 5 ms.</summary>
    public TimeSpan ProducerLinger { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// Extra Confluent.Kafka / librdkafka settings passed verbatim to every consumer and producer (SASL, TLS, timeouts…).
    /// Values may be secrets: the provider never logs them.
    /// </summary>
    public Dictionary<string, string> ClientConfig { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Settings for the provider's consumer only, over <see cref="ClientConfig"/> (e.g. <c>fetch.wait.max.ms</c>, which
    /// librdkafka warns about when a producer is given it).
    /// </summary>
    public Dictionary<string, string> ConsumerConfig { get; } = new(StringComparer.Ordinal);
}
