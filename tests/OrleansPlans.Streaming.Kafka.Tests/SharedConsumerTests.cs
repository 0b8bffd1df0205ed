using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;

namespace OrleansPlans.Streaming.Kafka.Tests;

/// <summary>
/// The silo's one consumer feeding every partition's queue: each feed gets exactly its partition's records in order,
/// a feed nobody drains pauses its partition without holding up the others, a rewind reads again from the offset
/// asked for, and a partition released and assigned again starts where the new reader says.
/// </summary>
public sealed class SharedConsumerTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task a_feed_nobody_drains_pauses_its_partition_and_the_other_partitions_keep_flowing_in_order()
    {
        await using var world = KafkaStreamsTestWorld.WithDevBroker(partitions: 2);
        // Feeds hold at most 2 x MaxBatchSize = 20 records before their partition pauses.
        var consumer = NewConsumer(world, maxBatchSize: 10);
        await ProduceAsync(world, partition: 0, count: 300);
        await ProduceAsync(world, partition: 1, count: 300);

        var slow = consumer.Assign(new TopicPartition(world.Topic, 0), Offset.Beginning);
        var fast = consumer.Assign(new TopicPartition(world.Topic, 1), Offset.Beginning);
        try
        {
            var fastOffsets = await TakeAsync(fast, 300);
            Assert.Equal(Enumerable.Range(0, 300).Select(i => (long)i), fastOffsets);

            // Nobody took from the slow feed: it stopped near its bound instead of holding the whole partition.
            Assert.InRange(slow.Count, slow.High, 150);

            // Draining it resumes the partition: every record arrives, in order, none twice.
            Assert.Equal(Enumerable.Range(0, 300).Select(i => (long)i), await TakeAsync(slow, 300));
        }
        finally
        {
            await consumer.ReleaseAsync(slow, commitOffset: null);
            await consumer.ReleaseAsync(fast, commitOffset: null);
        }
    }

    [Fact]
    public async Task a_rewind_reads_the_partition_again_from_the_offset_asked_for()
    {
        await using var world = KafkaStreamsTestWorld.WithDevBroker(partitions: 1);
        var consumer = NewConsumer(world, maxBatchSize: 500);
        await ProduceAsync(world, partition: 0, count: 50);
        var feed = consumer.Assign(new TopicPartition(world.Topic, 0), Offset.Beginning);
        try
        {
            Assert.Equal(Enumerable.Range(0, 30).Select(i => (long)i), await TakeAsync(feed, 30));
            consumer.Rewind(feed, 10);
            Assert.Equal(Enumerable.Range(10, 40).Select(i => (long)i), await TakeAsync(feed, 40));
        }
        finally
        {
            await consumer.ReleaseAsync(feed, commitOffset: null);
        }
    }

    [Fact]
    public async Task a_partition_released_and_assigned_again_starts_at_the_new_position_and_the_release_commits()
    {
        await using var world = KafkaStreamsTestWorld.WithDevBroker(partitions: 1);
        var consumer = NewConsumer(world, maxBatchSize: 500);
        await ProduceAsync(world, partition: 0, count: 40);
        var partition = new TopicPartition(world.Topic, 0);

        var first = consumer.Assign(partition, Offset.Beginning);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => (long)i), await TakeAsync(first, 40));
        await consumer.ReleaseAsync(first, commitOffset: 25);
        Assert.Equal(25, Committed(world, partition));

        var second = consumer.Assign(partition, new Offset(25));
        try
        {
            Assert.Equal(Enumerable.Range(25, 15).Select(i => (long)i), await TakeAsync(second, 15));
        }
        finally
        {
            await consumer.ReleaseAsync(second, commitOffset: null);
        }
    }

    private static KafkaSharedConsumer NewConsumer(KafkaStreamsTestWorld world, int maxBatchSize) =>
        new("kafka", new KafkaStreamOptions { BootstrapServers = world.BootstrapServers, ConsumerGroupId = world.ConsumerGroupId, MaxBatchSize = maxBatchSize },
            new KafkaLogLimiter("kafka", TimeProvider.System), NullLogger.Instance);

    private static async Task ProduceAsync(KafkaStreamsTestWorld world, int partition, int count)
    {
        using var producer = KafkaTestClients.Producer(world.BootstrapServers);
        await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            producer.ProduceAsync(new TopicPartition(world.Topic, partition), new Message<string, string> { Key = $"k{partition}", Value = $"v{i}" })));
    }

    // Takes count records as a receiver would (never blocking), failing after the deadline.
    private static async Task<List<long>> TakeAsync(KafkaPartitionFeed feed, int count)
    {
        var offsets = new List<long>();
        using var deadline = new CancellationTokenSource(Deadline);
        while (offsets.Count < count)
        {
            if (feed.TryTake(out var record))
            {
                offsets.Add(record.Offset.Value);
                continue;
            }

            Assert.False(deadline.IsCancellationRequested, $"only {offsets.Count} of {count} records arrived: [{string.Join(", ", offsets)}]");
            await Task.Delay(5);
        }

        return offsets;
    }

    private static long Committed(KafkaStreamsTestWorld world, TopicPartition partition)
    {
        using var reader = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = world.BootstrapServers, GroupId = world.ConsumerGroupId }).Build();
        return reader.Committed([partition], TimeSpan.FromSeconds(10)).Single().Offset.Value;
    }
}
