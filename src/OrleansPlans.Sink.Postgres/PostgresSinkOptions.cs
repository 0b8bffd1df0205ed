using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Sink.Postgres;

/// <summary>Options of the <see cref="PostgresTableSink"/>.</summary>
public sealed class PostgresSinkOptions
{
    /// <summary>
    /// The PostgreSQL connection string used by <c>AddPostgresTableSink</c> to build the sink's <c>NpgsqlDataSource</c>
    /// when none is given. Never logged.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The schema of the analytics tables; default <c>analytics</c>. Lower-case letters, digits and '_' only.</summary>
    public string Schema { get; set; } = AnalyticsSchema.DefaultSchema;

    /// <summary>The Kafka <c>bootstrap.servers</c> list. Required unless set in <see cref="ClientConfig"/>.</summary>
    public string? BootstrapServers { get; set; }

    /// <summary>The output topic of each table (keys are <see cref="OutputTables"/> names); defaults to <see cref="OutputTables.DefaultTopic"/>.</summary>
    public IDictionary<string, string> Topics { get; } = OutputTables.All.ToDictionary(t => t, OutputTables.DefaultTopic, StringComparer.Ordinal);

    /// <summary>
    /// Names this replica: its rows in <c>sink_offsets</c> and the Kafka group its offsets are also committed to (for lag
    /// monitoring only; the sink positions itself from <c>sink_offsets</c>). Default <c>orleansplans-analytics</c>.
    /// </summary>
    public string ConsumerGroupId { get; set; } = "orleansplans-analytics";

    /// <summary>The most records applied per transaction; default 5,000.</summary>
    public int BatchSize { get; set; } = 5_000;

    /// <summary>How long one poll waits for the first record of a batch; default 250 ms.</summary>
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long the sink waits before retrying after PostgreSQL failed a batch; default 2 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the topics' partitions are listed again (to pick up new partitions or late-created topics); default 30 s.</summary>
    public TimeSpan PartitionRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of metadata and watermark requests to Kafka; default 10 s.</summary>
    public TimeSpan MetadataTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether <see cref="PostgresTableSink.RunAsync"/> applies the analytics migrations first; default true.</summary>
    public bool ApplyMigrationsOnStart { get; set; } = true;

    /// <summary>Whether applied offsets are also committed to Kafka after each transaction (for lag dashboards); default true.</summary>
    public bool CommitToKafka { get; set; } = true;

    /// <summary>Extra librdkafka consumer settings (SASL, TLS, ...), applied last.</summary>
    public IDictionary<string, string> ClientConfig { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
