using Confluent.Kafka;

namespace OrleansPlans.Streaming.Kafka.Tests;

/// <summary>Saved checkpoints are mirrored into Kafka's committed offsets of the consumer group, for lag monitoring.</summary>
public sealed class CommittedOffsetTests
{
    [Fact]
    public async Task each_saved_checkpoint_is_committed_to_kafka_under_the_consumer_group()
    {
        await using var world = KafkaStreamsTestWorld.WithDevBroker(partitions: 3);
        await using var cluster = await world.StartClusterAsync(silos: 1);
        var records = TestRecord.Many("c", count: 150, keys: 6, partitions: world.Partitions);
        using (var producer = KafkaTestClients.Producer(world.BootstrapServers))
        {
            await KafkaTestClients.ProduceAsync(producer, world.Topic, records);
        }

        var ends = KafkaTestClients.HighWatermarks(world.BootstrapServers, world.Topic, world.Partitions);
        Assert.All(ends, end => Assert.True(end > 0, "every partition received records"));

        // Kafka's committed offset is the next offset to read: checkpoint + 1, which is the high watermark once caught up.
        await Eventually.HoldsAsync(
            () => ReadCommitted(world).SequenceEqual(ends),
            TimeSpan.FromSeconds(30),
            () => $"committed [{string.Join(", ", ReadCommitted(world))}] did not reach the ends [{string.Join(", ", ends)}]");
        var checkpoints = await world.ReadCheckpointsAsync();
        Assert.Equal(ends.Select(e => (long?)(e - 1)), checkpoints);
    }

    [Fact]
    public async Task a_failed_kafka_commit_leaves_the_grain_storage_checkpoint_as_the_source_of_truth()
    {
        await using var world = KafkaStreamsTestWorld.WithDevBroker(partitions: 1);
        await using var cluster = await world.StartClusterAsync(silos: 1);

        // Every OffsetCommit request (ApiKey 8) is refused, as without an ACL on the group; the checkpoints must still be saved and reading goes on.
        world.Broker!.FailNextRequests(8, Enumerable.Repeat(Confluent.Kafka.ErrorCode.GroupAuthorizationFailed, 200).ToArray());
        var records = TestRecord.Many("f", count: 60, keys: 3, partitions: world.Partitions);
        using (var producer = KafkaTestClients.Producer(world.BootstrapServers))
        {
            await KafkaTestClients.ProduceAsync(producer, world.Topic, records);
        }

        await Eventually.HoldsAsync(() => world.Log.AppliedCount >= records.Count, TimeSpan.FromSeconds(30),
            () => $"{world.Log.AppliedCount} of {records.Count} records applied");
        var ends = KafkaTestClients.HighWatermarks(world.BootstrapServers, world.Topic, world.Partitions);
        await Eventually.HoldsAsync(
            async () => (await world.ReadCheckpointsAsync())[0] == ends[0] - 1,
            TimeSpan.FromSeconds(30), () => "the checkpoint did not reach the end while Kafka commits failed");
        RecordAssert.AppliedExactly(records, world.Log);

        // The refusals really reached the receiver: Kafka holds no commit at the end, grain storage does.
        Assert.True(ReadCommitted(world)[0] < ends[0], "the injected OffsetCommit errors were not hit");
    }

    [Fact]
    public async Task a_checkpoint_saved_but_never_committed_to_kafka_before_the_silo_went_away_is_committed_on_restart_without_new_records()
    {
        await using var world = KafkaStreamsTestWorld.WithDevBroker(partitions: 2);
        var records = TestRecord.Many("q", count: 80, keys: 4, partitions: world.Partitions);

        // The first silo saves its checkpoints in grain storage but never mirrors them to Kafka: the window in which a
        // killed process leaves Kafka's committed offset behind, held open for the whole run.
        var first = await world.StartClusterAsync(silos: 1, configureKafka: o => o.MirrorCheckpointsToKafka = false);
        using (var producer = KafkaTestClients.Producer(world.BootstrapServers))
        {
            await KafkaTestClients.ProduceAsync(producer, world.Topic, records);
        }

        var ends = KafkaTestClients.HighWatermarks(world.BootstrapServers, world.Topic, world.Partitions);
        await Eventually.HoldsAsync(
            async () => (await world.ReadCheckpointsAsync()).Select((c, p) => c == ends[p] - 1).All(x => x),
            TimeSpan.FromSeconds(30), () => "the records were not checkpointed");
        await world.StopClusterAsync(first);
        Assert.All(ReadCommitted(world), committed => Assert.True(committed < 0, $"Kafka already holds commit {committed}"));

        // A quiet partition: nothing new arrives, so only the resumed checkpoint can move Kafka's committed offset.
        await using var second = await world.StartClusterAsync(silos: 1, keepLog: true);
        await Eventually.HoldsAsync(
            () => ReadCommitted(world).SequenceEqual(ends),
            TimeSpan.FromSeconds(15),
            () => $"committed [{string.Join(", ", ReadCommitted(world))}] did not reach the ends [{string.Join(", ", ends)}]");
        RecordAssert.AppliedExactly(records, world.Log);
    }

    private static long[] ReadCommitted(KafkaStreamsTestWorld world)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = world.BootstrapServers,
            GroupId = world.ConsumerGroupId,
            EnableAutoCommit = false,
        }).Build();
        var committed = consumer.Committed(
            Enumerable.Range(0, world.Partitions).Select(p => new TopicPartition(world.Topic, p)), TimeSpan.FromSeconds(10));
        return [.. committed.OrderBy(c => c.Partition.Value).Select(c => c.Offset.Value)];
    }
}
