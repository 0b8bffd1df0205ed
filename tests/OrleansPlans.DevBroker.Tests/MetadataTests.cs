namespace OrleansPlans.DevBroker.Tests;

public sealed class MetadataTests
{
    [Fact]
    public async Task created_topics_report_the_requested_partition_counts_and_all_brokers_are_listed()
    {
        var configured = TestNames.Unique("configured");
        var explicitCount = TestNames.Unique("explicit");
        await using var cluster = DevBrokerCluster.Start(new DevBrokerOptions { Topics = [configured] });

        Assert.True(cluster.CreateTopic(explicitCount, partitions: 7, replicationFactor: 2));
        Assert.False(cluster.CreateTopic(explicitCount, partitions: 3));

        using var admin = KafkaClients.Admin(cluster.BootstrapServers);
        var metadata = admin.GetMetadata(TimeSpan.FromSeconds(10));

        Assert.Equal(cluster.BrokerIds, metadata.Brokers.Select(b => b.BrokerId).Order());
        Assert.Equal(16, metadata.Topics.Single(t => t.Topic == configured).Partitions.Count);
        var explicitTopic = metadata.Topics.Single(t => t.Topic == explicitCount);
        Assert.Equal(7, explicitTopic.Partitions.Count);
        Assert.All(explicitTopic.Partitions, p => Assert.Equal(2, p.Replicas.Length));
    }

    [Fact]
    public async Task create_topics_uses_the_default_partition_count()
    {
        var names = new[] { TestNames.Unique("a"), TestNames.Unique("b") };
        await using var cluster = DevBrokerCluster.Start(new DevBrokerOptions { BrokerCount = 1, DefaultPartitions = 5 });

        cluster.CreateTopics(names);

        using var admin = KafkaClients.Admin(cluster.BootstrapServers);
        var metadata = admin.GetMetadata(TimeSpan.FromSeconds(10));
        Assert.All(names, n => Assert.Equal(5, metadata.Topics.Single(t => t.Topic == n).Partitions.Count));
    }
}
