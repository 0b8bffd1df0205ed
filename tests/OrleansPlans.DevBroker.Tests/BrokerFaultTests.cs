using Confluent.Kafka;

namespace OrleansPlans.DevBroker.Tests;

public sealed class BrokerFaultTests
{
    private const int LeaderId = 2;

    /// <remarks>
    /// Observed behaviour of the mock (librdkafka 2.16): taking the leader down closes its connections and
    /// refuses new ones, but leadership does not move (a real cluster would elect another replica), so
    /// records for that partition wait in the producer; the producer keeps retrying until the broker is up
    /// again, within <c>message.timeout.ms</c>. Records already acknowledged stay in the log. Once the broker
    /// is up, the queued records are delivered once each and in order: a down broker closes its connections
    /// before reading further requests, so nothing was appended without being acknowledged. (A response lost
    /// after the append is a different fault; see <see cref="LostAcknowledgementTests"/>: the mock then keeps
    /// the retried batch twice, even from an idempotent producer.)
    /// </remarks>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task records_produced_while_the_leader_is_down_arrive_exactly_once_after_it_comes_back(bool fixedPorts)
    {
        var token = TestContext.Current.CancellationToken;
        var topic = TestNames.Unique("faults");
        await using var cluster = DevBrokerCluster.Start(new DevBrokerOptions
        {
            Topics = [topic],
            DefaultPartitions = 4,
            FixedBasePort = fixedPorts ? LoopbackPorts.FreeConsecutive(3) : null,
        });
        cluster.SetPartitionLeader(topic, 0, LeaderId);
        var partition = new TopicPartition(topic, new Partition(0));
        using var producer = KafkaClients.IdempotentProducer(cluster.BootstrapServers);

        const int before = 20;
        const int duringOutage = 50;
        using (var admin = KafkaClients.Admin(cluster.BootstrapServers))
        {
            Assert.Equal(LeaderId, admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics[0].Partitions.Single(p => p.PartitionId == 0).Leader);
        }

        foreach (var i in Enumerable.Range(0, before))
        {
            await producer.ProduceAsync(partition, Message(i), token);
        }

        cluster.SetBrokerDown(LeaderId);
        var pending = Enumerable.Range(before, duringOutage)
            .Select(i => producer.ProduceAsync(partition, Message(i), token))
            .ToArray();

        // Bounded check that the outage is real: nothing can be acknowledged while the leader is down.
        Assert.NotEqual(0, producer.Flush(TimeSpan.FromSeconds(2)));
        Assert.All(pending, p => Assert.False(p.IsCompleted));

        cluster.SetBrokerUp(LeaderId);
        var results = await Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(60), token);
        Assert.All(results, r => Assert.Equal(PersistenceStatus.Persisted, r.Status));

        var keys = ReadWholePartition(cluster.BootstrapServers, partition, token);
        Assert.Equal(Enumerable.Range(0, before + duringOutage).Select(KafkaClients.Key), keys);
    }

    [Fact]
    public void unknown_broker_ids_are_rejected()
    {
        using var cluster = DevBrokerCluster.Start(new DevBrokerOptions { BrokerCount = 2 });

        Assert.Equal([1, 2], cluster.BrokerIds);
        Assert.Throws<ArgumentOutOfRangeException>(() => cluster.SetBrokerDown(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => cluster.SetBrokerUp(0));
    }

    private static Message<string, string> Message(int i) => new() { Key = KafkaClients.Key(i), Value = $"value-{i}" };

    private static List<string> ReadWholePartition(string bootstrapServers, TopicPartition partition, CancellationToken token)
    {
        using var reader = KafkaClients.Consumer(bootstrapServers, TestNames.Unique("reader"));
        var end = reader.QueryWatermarkOffsets(partition, TimeSpan.FromSeconds(10)).High.Value;
        reader.Assign(new TopicPartitionOffset(partition, Offset.Beginning));
        var keys = KafkaClients.ConsumeKeys(reader, checked((int)end), TimeSpan.FromSeconds(30), token);
        Assert.Equal(end, keys.Count);
        return keys;
    }
}
