using OrleansPlans.Domain.Rows;
using OrleansPlans.Streaming.Kafka;

namespace OrleansPlans.Input.Kafka;

/// <summary>Where the input topics are (section <c>Kafka</c>). Without a bootstrap address an embedded dev broker is started.</summary>
public sealed class KafkaInputOptions
{
    /// <summary>Brokers of a real cluster; empty starts the dev broker. Environment: <c>ORLEANSPLANS_KAFKA_BOOTSTRAP</c>.</summary>
    public string BootstrapServers { get; set; } = "";

    /// <summary>The <c>plan-membership</c> topic.</summary>
    public string MembershipTopic { get; set; } = "plan-membership";

    /// <summary>The <c>content-usage</c> topic.</summary>
    public string UsageTopic { get; set; } = "content-usage";

    /// <summary>The <c>plan-merges</c> topic.</summary>
    public string MergesTopic { get; set; } = "plan-merges";

    /// <summary>Where undecodable records go, in the <c>dead_letters</c> row format.</summary>
    public string DeadLetterTopic { get; set; } = "dead-letters";

    /// <summary>
    /// The output topic of each table (keys are <see cref="OutputTables"/> names; <c>Kafka:OutputTopics:plans=…</c>); a
    /// table not listed has its contract name. The <c>dead_letters</c> table's topic is always <see cref="DeadLetterTopic"/>.
    /// </summary>
    public Dictionary<string, string> OutputTopics { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The output topic of <paramref name="table"/>, as the projector writes it and the sink reads it.</summary>
    public string OutputTopicOf(string table) =>
        table == OutputTables.DeadLetters ? DeadLetterTopic
        : OutputTopics.TryGetValue(table, out var topic) && !string.IsNullOrWhiteSpace(topic) ? topic : OutputTables.DefaultTopic(table);

    /// <summary>Names this deployment's reading position (checkpoints are kept per group).</summary>
    public string ConsumerGroupId { get; set; } = "orleansplans";

    /// <summary>The grain storage provider holding the partition checkpoints (durable in production: PostgreSQL).</summary>
    public string CheckpointStorageName { get; set; } = "PubSubStore";

    /// <summary>
    /// How long delivery of a record to its grain is retried before it is dead-lettered as undeliverable. Long on
    /// purpose: failures here are transient (a silo died and its grains are being placed elsewhere), and a valid
    /// record must not be set aside for them; a partition that stays stuck shows up as consumer lag.
    /// </summary>
    public TimeSpan MaxEventDeliveryTime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Where a partition without a checkpoint starts.</summary>
    public KafkaStartPosition StartPosition { get; set; } = KafkaStartPosition.Earliest;

    /// <summary>Dev broker: partitions of the membership and usage topics (merges get one, to keep their order).</summary>
    public int DevBrokerPartitions { get; set; } = 16;

    /// <summary>
    /// Dev broker: partitions of each output topic and of the dead-letter topic. The default is the CLI's
    /// <c>dev-broker</c> default, <c>DevBrokerOptions.DefaultOutputPartitions</c>, which says why it is few (this project does
    /// not reference the dev broker's; a host test keeps the two equal).
    /// </summary>
    public int DevBrokerOutputPartitions { get; set; } = 4;

    /// <summary>Dev broker: first of its fixed loopback ports (one per broker), so producers find it at a stable address.</summary>
    public int DevBrokerBasePort { get; set; } = 19092;

    /// <summary>Dev broker: the file its bootstrap address is written to.</summary>
    public string DevBrokerBootstrapFile { get; set; } = ".data/dev-broker/bootstrap.txt";

    /// <summary>True when this process started the (ephemeral, in-memory) dev broker rather than using a configured cluster.</summary>
    public bool UsesDevBroker { get; set; }

    /// <summary>Extra Confluent.Kafka settings (SASL, TLS…), passed verbatim; never logged.</summary>
    public Dictionary<string, string> ClientConfig { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Settings for the input consumer only, over <see cref="ClientConfig"/>; never logged.</summary>
    public Dictionary<string, string> ConsumerConfig { get; set; } = new(StringComparer.Ordinal);
}
