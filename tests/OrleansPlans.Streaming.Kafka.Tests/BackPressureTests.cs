namespace OrleansPlans.Streaming.Kafka.Tests;

/// <summary>A consumer that stops keeping up pauses reading: memory stays bounded by the cache size.</summary>
public sealed class BackPressureTests
{
    private const int CacheSize = 20;

    [Fact]
    public async Task a_stuck_consumer_stops_reading_at_the_cache_size_and_the_backlog_drains_when_it_resumes()
    {
        await using var world = KafkaStreamsTestWorld.WithDevBroker(partitions: 1);
        using var metrics = new KafkaMetricsRecorder(world.Topic);
        await using var cluster = await world.StartClusterAsync(silos: 1, configureKafka: o => o.CacheSize = CacheSize);
        var records = TestRecord.Many("r", count: 300, keys: 30, partitions: 1);
        world.Log.CloseGate();

        using (var producer = KafkaTestClients.Producer(world.BootstrapServers))
        {
            await KafkaTestClients.ProduceAsync(producer, world.Topic, records);
        }

        // The consumer is stuck on its first batch; the receiver reads until the cache is full and no further, so the
        // lag (records left in Kafka) settles at the backlog beyond the cache.
        await Eventually.HoldsAsync(() => world.Log.WaitingAtGate > 0, TimeSpan.FromSeconds(30), () => "no delivery reached the grain");
        await Eventually.HoldsAsync(() => metrics.Total("kafka.stream.records.consumed") >= CacheSize, TimeSpan.FromSeconds(30),
            () => $"only {metrics.Total("kafka.stream.records.consumed")} records read");
        await Eventually.HoldsAsync(() => metrics.ObserveLag() == records.Count - CacheSize, TimeSpan.FromSeconds(30),
            () => $"lag is {metrics.ObserveLag()}, {metrics.Total("kafka.stream.records.consumed")} records read");
        Assert.Equal(CacheSize, metrics.Total("kafka.stream.records.consumed"));
        Assert.Equal(0, world.Log.Deliveries);

        world.Log.OpenGateNow();
        await Eventually.HoldsAsync(() => world.Log.AppliedCount >= records.Count, TimeSpan.FromSeconds(60),
            () => $"{world.Log.AppliedCount} of {records.Count} records applied after the consumer resumed");
        RecordAssert.AppliedExactly(records, world.Log);
        await Eventually.HoldsAsync(() => metrics.ObserveLag() == 0, TimeSpan.FromSeconds(30), () => $"lag is {metrics.ObserveLag()}");
        Assert.Equal(records.Count, metrics.Total("kafka.stream.records.consumed"));
    }
}
