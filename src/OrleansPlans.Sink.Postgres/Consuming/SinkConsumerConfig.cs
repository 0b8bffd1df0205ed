using Confluent.Kafka;

namespace OrleansPlans.Sink.Postgres.Consuming;

/// <summary>Builds the consumer configuration of the sink and of its watermark queries.</summary>
internal static class SinkConsumerConfig
{
    public static ConsumerConfig Build(PostgresSinkOptions options, string groupId)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = options.BootstrapServers,
            GroupId = groupId,
            // Positions come from sink_offsets; Kafka commits are written explicitly after each transaction.
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            // End-of-partition events tell the caught-up API where a partition ends even after compaction gaps.
            EnablePartitionEof = true,
            IsolationLevel = IsolationLevel.ReadCommitted,
            AllowAutoCreateTopics = false,
        };

        foreach (var (key, value) in options.ClientConfig)
        {
            config.Set(key, value);
        }

        return config;
    }
}
