using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace OrleansPlans.Streaming.Kafka.Tests;

/// <summary>Publishing on a stream of the provider produces a record keyed by the stream key.</summary>
public sealed class ProducingTests
{
    [Fact]
    public async Task publishing_to_a_stream_through_the_provider_produces_a_keyed_record_that_comes_back_to_the_grain()
    {
        await using var world = KafkaStreamsTestWorld.WithDevBroker(partitions: 2);
        await using var cluster = await world.StartClusterAsync(silos: 1, silo =>
            silo.Services.AddKeyedSingleton<IKafkaRecordDecoder>(KafkaStreamsTestWorld.ProviderName, new JsonRecordDecoder<string>()));

        var stream = cluster.Client.GetStreamProvider(KafkaStreamsTestWorld.ProviderName)
            .GetStream<string>(StreamId.Create(RecordingGrain.StreamNamespace, "published-key"));
        await stream.OnNextAsync("hello");
        await stream.OnNextBatchAsync(["again", "and again"]);

        var records = KafkaTestClients.ReadTopic(world.BootstrapServers, world.Topic, world.Partitions, 3, TimeSpan.FromSeconds(30));
        Assert.Equal(3, records.Count);
        Assert.All(records, r => Assert.Equal("published-key", r.Message.Key));
        Assert.Equal(["\"hello\"", "\"again\"", "\"and again\""], records.OrderBy(r => r.Offset.Value).Select(r => r.Message.Value));

        await Eventually.HoldsAsync(() => world.Log.AppliedCount >= 3, TimeSpan.FromSeconds(30),
            () => $"{world.Log.AppliedCount} of 3 published items came back");
        Assert.Equal(["again", "and again", "hello"], world.Log.AppliedByKey()["published-key"]);
    }
}
