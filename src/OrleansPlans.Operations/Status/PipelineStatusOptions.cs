using OrleansPlans.Domain.Rows;
using OrleansPlans.Sink.Postgres;

namespace OrleansPlans.Operations.Status;

/// <summary>Where <see cref="PipelineStatusReader"/> looks. The defaults match the main job's defaults.</summary>
public sealed class PipelineStatusOptions
{
    /// <summary>The Kafka <c>bootstrap.servers</c> list. Required unless set in <see cref="ClientConfig"/>.</summary>
    public string? BootstrapServers { get; set; }

    /// <summary>Extra librdkafka client settings (SASL, TLS, ...), applied last. Never logged or reported.</summary>
    public IDictionary<string, string> ClientConfig { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The PostgreSQL connection string, used when the reader is given no data source. Never logged or reported.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The input topics the silos read; default the contract's <c>plan-membership</c>, <c>content-usage</c>, <c>plan-merges</c>.</summary>
    public IList<string> InputTopics { get; } = ["plan-membership", "content-usage", "plan-merges"];

    /// <summary>The silos' consumer group (the host's <c>Kafka:ConsumerGroupId</c>); default <c>orleansplans</c>.</summary>
    public string InputConsumerGroup { get; set; } = "orleansplans";

    /// <summary>The output topics the sink replicates; default the seven contract topics (<c>plan-usage-hourly</c>, ...).</summary>
    public IList<string> OutputTopics { get; } = [.. OutputTables.All.Select(OutputTables.DefaultTopic)];

    /// <summary>The sink's consumer group (its rows in <c>sink_offsets</c>); default <c>orleansplans-analytics</c>.</summary>
    public string SinkConsumerGroup { get; set; } = new PostgresSinkOptions().ConsumerGroupId;

    /// <summary>The schema of the analytics tables; default <c>analytics</c>.</summary>
    public string AnalyticsSchema { get; set; } = Sink.Postgres.AnalyticsSchema.DefaultSchema;

    /// <summary>Only silos of this Orleans cluster id; null (the default) lists every cluster id in the membership table.</summary>
    public string? ClusterId { get; set; }

    /// <summary>Dead silos are listed while their last I-am-alive is at most this old; default 1 hour.</summary>
    public TimeSpan RecentlyDeadSilos { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many of the newest dead letters are listed; default 5.</summary>
    public int NewestDeadLetters { get; set; } = 5;

    /// <summary>The longest each Kafka or PostgreSQL request may take before that system is reported unreachable; 1 s to 5 min, default 5 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Every problem with these options, each naming its option; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(BootstrapServers) && !ClientConfig.ContainsKey("bootstrap.servers"))
        {
            problems.Add($"{nameof(PipelineStatusOptions)}.{nameof(BootstrapServers)} is required (a comma-separated host:port list).");
        }

        if (!Sink.Postgres.AnalyticsSchema.IsValidSchemaName(AnalyticsSchema))
        {
            problems.Add($"{nameof(PipelineStatusOptions)}.{nameof(AnalyticsSchema)} '{AnalyticsSchema}' must be 1 to 63 lower-case letters, digits or '_', not starting with a digit.");
        }

        if (string.IsNullOrWhiteSpace(InputConsumerGroup))
        {
            problems.Add($"{nameof(PipelineStatusOptions)}.{nameof(InputConsumerGroup)} is required.");
        }

        if (string.IsNullOrWhiteSpace(SinkConsumerGroup))
        {
            problems.Add($"{nameof(PipelineStatusOptions)}.{nameof(SinkConsumerGroup)} is required.");
        }

        if (NewestDeadLetters is < 0 or > 1000)
        {
            problems.Add($"{nameof(PipelineStatusOptions)}.{nameof(NewestDeadLetters)} must be from 0 to 1,000 (was {NewestDeadLetters}).");
        }

        if (Timeout < TimeSpan.FromSeconds(1) || Timeout > TimeSpan.FromMinutes(5))
        {
            problems.Add($"{nameof(PipelineStatusOptions)}.{nameof(Timeout)} must be from 1 second to 5 minutes (was {Timeout}).");
        }

        if (RecentlyDeadSilos < TimeSpan.Zero)
        {
            problems.Add($"{nameof(PipelineStatusOptions)}.{nameof(RecentlyDeadSilos)} must not be negative (was {RecentlyDeadSilos}).");
        }

        return problems;
    }
}
