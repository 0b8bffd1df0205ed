using Confluent.Kafka;

namespace OrleansPlans.DevBroker.Tests;

public sealed class ProduceConsumeTests
{
    private static readonly TimeSpan ConsumeDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task idempotent_records_are_all_consumed_by_a_group_and_a_new_member_resumes_after_the_committed_offsets()
    {
        var token = TestContext.Current.CancellationToken;
        var topic = TestNames.Unique("usage");
        var group = TestNames.Unique("group");
        await using var cluster = DevBrokerCluster.Start(new DevBrokerOptions { Topics = [topic] });
        using var producer = KafkaClients.IdempotentProducer(cluster.BootstrapServers);

        const int firstBatch = 400;
        await KafkaClients.ProduceAsync(producer, topic, Enumerable.Range(0, firstBatch), token);

        using (var first = KafkaClients.Consumer(cluster.BootstrapServers, group))
        {
            first.Subscribe(topic);
            var keys = KafkaClients.ConsumeKeys(first, firstBatch, ConsumeDeadline, token);
            Assert.Equal(Enumerable.Range(0, firstBatch).Select(KafkaClients.Key).Order(), keys.Order());
            Assert.Equal(16, first.Assignment.Count);

            first.Commit();
            var committed = first.Committed(first.Assignment, TimeSpan.FromSeconds(10));
            Assert.Equal(firstBatch, committed.Sum(c => c.Offset.Value));
            first.Close();
        }

        const int secondBatch = 100;
        await KafkaClients.ProduceAsync(producer, topic, Enumerable.Range(firstBatch, secondBatch), token);

        using var second = KafkaClients.Consumer(cluster.BootstrapServers, group);
        second.Subscribe(topic);
        var resumed = KafkaClients.ConsumeKeys(second, secondBatch, ConsumeDeadline, token);

        // Old records precede new ones in every partition, so a consumer that ignored the commits
        // would have returned old keys here first.
        Assert.Equal(Enumerable.Range(firstBatch, secondBatch).Select(KafkaClients.Key).Order(), resumed.Order());
        second.Close();
    }

    [Fact]
    public async Task records_keep_their_key_to_partition_mapping_and_order_within_a_partition()
    {
        var token = TestContext.Current.CancellationToken;
        var topic = TestNames.Unique("ordered");
        await using var cluster = DevBrokerCluster.Start(new DevBrokerOptions { Topics = [topic] });
        using var producer = KafkaClients.IdempotentProducer(cluster.BootstrapServers);

        var deliveries = new List<DeliveryResult<string, string>>();
        for (var i = 0; i < 50; i++)
        {
            deliveries.Add(await producer.ProduceAsync(
                topic, new Message<string, string> { Key = "same-user", Value = $"{i}" }, token));
        }

        Assert.Single(deliveries.Select(d => d.Partition.Value).Distinct());
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), deliveries.Select(d => d.Offset.Value));
    }
}
