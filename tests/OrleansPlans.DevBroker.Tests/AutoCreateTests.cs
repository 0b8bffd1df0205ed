using Confluent.Kafka;

namespace OrleansPlans.DevBroker.Tests;

public sealed class AutoCreateTests
{
    /// <remarks>
    /// Characterisation of the mock (librdkafka 2.16): a topic that was never created is created on first
    /// use, as with <c>auto.create.topics.enable=true</c> on a real broker, with the mock's own default
    /// partition count (4) rather than <see cref="DevBrokerOptions.DefaultPartitions"/>. Create topics up front.
    /// </remarks>
    [Fact]
    public async Task producing_to_an_unknown_topic_creates_it_with_the_mocks_own_partition_count()
    {
        var token = TestContext.Current.CancellationToken;
        var topic = TestNames.Unique("auto");
        await using var cluster = DevBrokerCluster.Start(new DevBrokerOptions { BrokerCount = 1 });
        using var producer = KafkaClients.IdempotentProducer(cluster.BootstrapServers);

        var delivered = await producer.ProduceAsync(topic, new Message<string, string> { Key = "k", Value = "v" }, token);

        Assert.Equal(PersistenceStatus.Persisted, delivered.Status);
        using var admin = KafkaClients.Admin(cluster.BootstrapServers);
        var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics[0].Partitions.Count;
        Assert.Equal(4, partitions);
        Assert.False(cluster.CreateTopic(topic), "the auto-created topic exists, so creating it again is a no-op");
    }
}
