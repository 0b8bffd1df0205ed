namespace OrleansPlans.Streaming.Kafka.Tests;

/// <summary>A broker that goes down and comes back costs latency, never records.</summary>
public sealed class BrokerOutageTests
{
    [Fact]
    public async Task a_broker_taken_down_and_brought_back_mid_stream_loses_nothing()
    {
        await using var world = KafkaStreamsTestWorld.WithDevBroker(partitions: 3);
        var broker = world.Broker!;
        for (var p = 0; p < world.Partitions; p++)
        {
            // Partition p is led by broker p + 1, so taking broker 1 down stalls partition 0 only.
            broker.SetPartitionLeader(world.Topic, p, p + 1);
        }

        await using var cluster = await world.StartClusterAsync(silos: 1);
        var before = TestRecord.Many("before", count: 90, keys: 6, partitions: world.Partitions);
        var during = TestRecord.Many("during", count: 90, keys: 6, partitions: world.Partitions);
        using var producer = KafkaTestClients.Producer(world.BootstrapServers);
        await KafkaTestClients.ProduceAsync(producer, world.Topic, before);
        await Eventually.HoldsAsync(() => world.Log.AppliedCount >= before.Count, TimeSpan.FromSeconds(30),
            () => $"{world.Log.AppliedCount} of {before.Count} records applied before the outage");

        broker.SetBrokerDown(1);
        var producing = KafkaTestClients.ProduceAsync(producer, world.Topic, during);

        // The partitions on the other brokers keep flowing while broker 1 is down.
        var unaffected = before.Count + during.Count(r => r.Partition != 0);
        await Eventually.HoldsAsync(() => world.Log.AppliedCount >= unaffected, TimeSpan.FromSeconds(30),
            () => $"{world.Log.AppliedCount} of {unaffected} records on live partitions applied during the outage");
        Assert.False(producing.IsCompleted, "records for the partition of the downed broker were acknowledged while it was down");

        broker.SetBrokerUp(1);
        await producing;
        var all = before.Concat(during).ToList();
        await Eventually.HoldsAsync(() => world.Log.AppliedCount >= all.Count, TimeSpan.FromSeconds(60),
            () => $"{world.Log.AppliedCount} of {all.Count} records applied after the broker came back");
        RecordAssert.AppliedExactly(all, world.Log);
    }
}
