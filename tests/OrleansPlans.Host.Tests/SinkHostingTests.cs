using OrleansPlans.Host.Hosting;
using OrleansPlans.Input.Kafka;
using OrleansPlans.Sink.Postgres;

namespace OrleansPlans.Host.Tests;

/// <summary>The co-hosted sink reads the job's own output topics with the cluster's client settings.</summary>
public sealed class SinkHostingTests
{
    [Fact]
    public void the_sink_gets_the_clusters_client_settings_and_the_jobs_output_topics()
    {
        var kafka = new KafkaInputOptions { BootstrapServers = "broker:9093", DeadLetterTopic = "dead-letters-v2" };
        kafka.ClientConfig["security.protocol"] = "SASL_SSL";
        kafka.ClientConfig["sasl.mechanism"] = "SCRAM-SHA-512";
        kafka.OutputTopics["plans"] = "plans-v2";
        kafka.ConsumerConfig["fetch.wait.max.ms"] = "10"; // the input consumer's alone
        var sink = new PostgresSinkOptions();

        SinkHosting.Configure(sink, kafka, "analytics_v2", consumerGroupId: "sink-v2");

        Assert.Equal(("broker:9093", "analytics_v2", "sink-v2"), (sink.BootstrapServers, sink.Schema, sink.ConsumerGroupId));
        Assert.Null(sink.ConnectionString); // it writes through the process's one data source
        Assert.Equal("SASL_SSL", sink.ClientConfig["security.protocol"]);
        Assert.Equal("SCRAM-SHA-512", sink.ClientConfig["sasl.mechanism"]);
        Assert.False(sink.ClientConfig.ContainsKey("fetch.wait.max.ms"));
        Assert.Equal("plans-v2", sink.Topics["plans"]);
        Assert.Equal("dead-letters-v2", sink.Topics["dead_letters"]);
        Assert.Equal("plan-usage-monthly", sink.Topics["plan_usage_monthly"]);
    }

    [Fact]
    public void without_a_configured_group_the_sink_keeps_its_default()
    {
        var sink = new PostgresSinkOptions();
        var defaultGroup = sink.ConsumerGroupId;
        SinkHosting.Configure(sink, new KafkaInputOptions { BootstrapServers = "b:9092" }, "analytics", consumerGroupId: null);
        Assert.Equal(defaultGroup, sink.ConsumerGroupId);
    }
}
