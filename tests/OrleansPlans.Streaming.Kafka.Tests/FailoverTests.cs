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
    public async Task a_silo_killed_mid_stream_and_replaced_loses_nothing_and_applies_each_record_once()
    {
        await using var world = KafkaStreamsTestWorld.WithDevBroker(partitions: 4);
        await using var cluster = await world.StartClusterAsync(silos: 2);
        var records = TestRecord.Many("r", count: 800, keys: 16, partitions: world.Partitions);
        using var producer = KafkaTestClients.Producer(world.BootstrapServers);

        var producing = KafkaTestClients.ProduceAsync(producer, world.Topic, records);
        await Eventually.HoldsAsync(() => world.Log.AppliedCount >= 50, TimeSpan.FromSeconds(30),
            () => $"only {world.Log.AppliedCount} records applied before the kill");
        await cluster.KillSiloAsync(cluster.Silos[1], TestContext.Current.CancellationToken);
        await cluster.StartAdditionalSiloAsync();
        await producing;

        await Eventually.HoldsAsync(() => world.Log.AppliedCount >= records.Count, TimeSpan.FromSeconds(60),
            () => $"{world.Log.AppliedCount} of {records.Count} records applied");
        RecordAssert.AppliedExactly(records, world.Log);
        Assert.True(world.Log.Deliveries >= records.Count);
    }

    [Fact]
    public async Task records_delivered_but_not_checkpointed_before_a_crash_are_redelivered_and_applied_once()
    {
        await using var world = KafkaStreamsTestWorld.WithDevBroker(partitions: 2);
        var early = TestRecord.Many("early", count: 40, keys: 4, partitions: world.Partitions);
        var late = TestRecord.Many("late", count: 100, keys: 4, partitions: world.Partitions);
        var records = early.Concat(late).ToList();
        using var producer = KafkaTestClients.Producer(world.BootstrapServers);

        var first = await world.StartClusterAsync(silos: 1);
        await KafkaTestClients.ProduceAsync(producer, world.Topic, early);
        var ends = KafkaTestClients.HighWatermarks(world.BootstrapServers, world.Topic, world.Partitions);
        await Eventually.HoldsAsync(
            async () => (await world.ReadCheckpointsAsync()).Select((c, p) => c == ends[p] - 1).All(x => x),
            TimeSpan.FromSeconds(30), () => "the early records were not checkpointed");

        // From here on no checkpoint reaches storage, as if the silo crashed before writing any.
        world.Checkpoints.RejectWrites = true;
        await KafkaTestClients.ProduceAsync(producer, world.Topic, late);
        await Eventually.HoldsAsync(() => world.Log.AppliedCount >= records.Count, TimeSpan.FromSeconds(30),
            () => $"{world.Log.AppliedCount} of {records.Count} records applied before the crash");
        await world.StopClusterAsync(first);
        world.Checkpoints.RejectWrites = false;

        await using var second = await world.StartClusterAsync(silos: 1, keepLog: true);
        await Eventually.HoldsAsync(() => world.Log.Deliveries >= records.Count + late.Count, TimeSpan.FromSeconds(30),
            () => $"{world.Log.Deliveries - records.Count} of {late.Count} uncheckpointed records redelivered");

        // Exactly the records after the checkpoint came again, and the grains' dedup applied each once.
        Assert.Equal(records.Count + late.Count, world.Log.Deliveries);
        RecordAssert.AppliedExactly(records, world.Log);
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
