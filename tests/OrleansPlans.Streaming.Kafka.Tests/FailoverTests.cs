namespace OrleansPlans.Streaming.Kafka.Tests;

/// <summary>Silos come and go; records are delivered at least once, applied once, and checkpoints carry over.</summary>
public sealed class FailoverTests
{
    [Fact]
    public async Task a_silo_stopped_mid_stream_and_replaced_loses_nothing_and_checkpoints_reach_the_end()
    {
        await using var world = KafkaStreamsTestWorld.WithDevBroker(partitions: 4);
        await using var cluster = await world.StartClusterAsync(silos: 2);
        var first = TestRecord.Many("first", count: 600, keys: 16, partitions: world.Partitions);
        var second = TestRecord.Many("second", count: 200, keys: 16, partitions: world.Partitions);
        using var producer = KafkaTestClients.Producer(world.BootstrapServers);

        await KafkaTestClients.ProduceAsync(producer, world.Topic, first);
        await Eventually.HoldsAsync(() => world.Log.AppliedCount >= 100, TimeSpan.FromSeconds(30),
            () => $"only {world.Log.AppliedCount} records applied before the stop");

        await cluster.StopSiloAsync(cluster.Silos[1], TestContext.Current.CancellationToken);
        await KafkaTestClients.ProduceAsync(producer, world.Topic, second);
        await cluster.StartAdditionalSiloAsync();

        var all = first.Concat(second).ToList();
        await Eventually.HoldsAsync(() => world.Log.AppliedCount >= all.Count, TimeSpan.FromSeconds(60),
            () => $"{world.Log.AppliedCount} of {all.Count} records applied");
        RecordAssert.AppliedExactly(all, world.Log);
        Assert.True(world.Log.Deliveries >= all.Count);

        var ends = KafkaTestClients.HighWatermarks(world.BootstrapServers, world.Topic, world.Partitions);
        await Eventually.HoldsAsync(
            async () => (await world.ReadCheckpointsAsync()).Select((c, p) => c == ends[p] - 1).All(x => x),
            TimeSpan.FromSeconds(30),
            () => $"checkpoints did not reach the ends [{string.Join(", ", ends.Select(e => e - 1))}]");
    }

    [Fact]
    public async Task a_fresh_cluster_resumes_from_the_checkpoints_instead_of_replaying_from_the_start()
    {
        await using var world = KafkaStreamsTestWorld.WithDevBroker(partitions: 2);
        var before = TestRecord.Many("before", count: 100, keys: 4, partitions: world.Partitions);
        var after = TestRecord.Many("after", count: 50, keys: 4, partitions: world.Partitions);
        using var producer = KafkaTestClients.Producer(world.BootstrapServers);

        var first = await world.StartClusterAsync(silos: 1);
        Assert.All(await world.ReadCheckpointsAsync(), c => Assert.Null(c));
        await KafkaTestClients.ProduceAsync(producer, world.Topic, before);
        await Eventually.HoldsAsync(() => world.Log.AppliedCount >= before.Count, TimeSpan.FromSeconds(30),
            () => $"{world.Log.AppliedCount} of {before.Count} records applied");
        var ends = KafkaTestClients.HighWatermarks(world.BootstrapServers, world.Topic, world.Partitions);
        await Eventually.HoldsAsync(
            async () => (await world.ReadCheckpointsAsync()).Select((c, p) => c == ends[p] - 1).All(x => x),
            TimeSpan.FromSeconds(30), () => "checkpoints did not reach the ends");
        await world.StopClusterAsync(first);

        await KafkaTestClients.ProduceAsync(producer, world.Topic, after);
        await using var second = await world.StartClusterAsync(silos: 1);
        await Eventually.HoldsAsync(() => world.Log.AppliedCount >= after.Count, TimeSpan.FromSeconds(30),
            () => $"{world.Log.AppliedCount} of {after.Count} records applied");

        // Only the new records: StartPosition is Earliest, so a replay would have brought the old ones back too.
        RecordAssert.AppliedExactly(after, world.Log);
        Assert.Equal(after.Count, world.Log.Deliveries);
    }
}
