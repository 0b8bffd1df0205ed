using OrleansPlans.Domain.Rows;
using OrleansPlans.Input.Kafka;
using OrleansPlans.Sink.Postgres;

namespace OrleansPlans.Host.Hosting;

/// <summary>The sink co-hosted with a silo reads this job's output topics from the same cluster, with the same client settings.</summary>
public static class SinkHosting
{
    /// <summary>
    /// Points <paramref name="sink"/> at this job's cluster and output topics. The cluster's client settings (SASL, TLS)
    /// go with it: without them the sink could not authenticate where the silo's own clients can. The sink writes
    /// through the process's one data source, so no connection string is set here.
    /// </summary>
    public static void Configure(PostgresSinkOptions sink, KafkaInputOptions kafka, string schema, string? consumerGroupId)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(kafka);
        (sink.BootstrapServers, sink.Schema) = (kafka.BootstrapServers, schema);
        sink.ConsumerGroupId = string.IsNullOrEmpty(consumerGroupId) ? sink.ConsumerGroupId : consumerGroupId;
        foreach (var (key, value) in kafka.ClientConfig)
        {
            sink.ClientConfig[key] = value;
        }

        foreach (var table in OutputTables.All)
        {
            sink.Topics[table] = kafka.OutputTopicOf(table);
        }
    }
}
