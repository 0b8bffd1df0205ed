namespace OrleansPlans.Streaming.Kafka.Tests;

/// <summary>Records produced with a plain Kafka producer reach the grains of their keys.</summary>
public sealed class RoundTripTests
{
    [Fact]
    public async Task records_produced_by_a_plain_producer_reach_each_keys_grain_exactly()
    {
        await using var world = KafkaStreamsTestWorld.WithDevBroker(partitions: 4);
        // The silos read the partition count from the cluster's metadata.
        await using var cluster = await world.StartClusterAsync(silos: 2, configureKafka: o => o.Topics[0].PartitionCount = null);
        var records = TestRecord.Many("r", count: 400, keys: 10, partitions: world.Partitions);

        using (var producer = KafkaTestClients.Producer(world.BootstrapServers))
        {
            await KafkaTestClients.ProduceAsync(producer, world.Topic, records);
        }

        await Eventually.HoldsAsync(() => world.Log.AppliedCount >= records.Count, TimeSpan.FromSeconds(60),
            () => $"{world.Log.AppliedCount} of {records.Count} records applied");

        RecordAssert.AppliedExactly(records, world.Log);
        Assert.Equal(records.Count, world.Log.Deliveries);

        // Each grain sees its records in partition order, carrying their Kafka position.
        var positions = world.Log.Positions();
        Assert.All(positions, p => Assert.Equal(world.Topic, p.Topic));
        Assert.Equal(records.Count, positions.Distinct().Count());

        // Consecutive records of one key in one pull travel as one batch.
        Assert.True(world.Log.LargestBatch > 1, $"largest batch was {world.Log.LargestBatch}");
    }
}
