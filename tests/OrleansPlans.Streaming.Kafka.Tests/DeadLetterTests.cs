using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace OrleansPlans.Streaming.Kafka.Tests;

/// <summary>Records that cannot be used go to the dead-letter topic with their position and reason; the rest flows on.</summary>
public sealed class DeadLetterTests
{
    [Fact]
    public async Task a_record_the_decoder_rejects_or_chokes_on_is_dead_lettered_and_the_rest_is_processed()
    {
        await using var world = KafkaStreamsTestWorld.WithDevBroker(partitions: 2);
        await using var cluster = await world.StartClusterAsync(silos: 1, silo =>
            silo.Services.AddKeyedSingleton<IKafkaRecordDecoder, RejectingDecoder>(KafkaStreamsTestWorld.ProviderName));
        var good = TestRecord.Many("ok", count: 40, keys: 4, partitions: 2);
        var rejected = new TestRecord("key-0", "!not-for-us", 0);
        var choking = new TestRecord("key-1", "boom-1", 1);
        var records = good.Take(20).Append(rejected).Append(choking).Concat(good.Skip(20)).ToList();

        using (var producer = KafkaTestClients.Producer(world.BootstrapServers))
        {
            await KafkaTestClients.ProduceAsync(producer, world.Topic, records);

            // A record without a key has no stream to go to.
            await producer.ProduceAsync(new TopicPartition(world.Topic, 1), new Message<string, string> { Key = null!, Value = "keyless" }, TestContext.Current.CancellationToken);
        }

        await Eventually.HoldsAsync(() => world.Log.AppliedCount >= good.Count, TimeSpan.FromSeconds(30),
            () => $"{world.Log.AppliedCount} of {good.Count} good records applied");
        var deadLetters = KafkaTestClients.ReadTopic(world.BootstrapServers, world.DeadLetterTopic, 1, 3, TimeSpan.FromSeconds(30));

        RecordAssert.AppliedExactly(good, world.Log);
        Assert.Equal(3, deadLetters.Count);

        var rejectedLetter = Assert.Single(deadLetters, d => d.Message.Key.StartsWith($"{world.Topic}|0|", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(rejectedLetter.Message.Value);
        var root = json.RootElement;
        Assert.Equal(world.Topic, root.GetProperty("source_topic").GetString());
        Assert.Equal(0, root.GetProperty("source_partition").GetInt32());
        var offset = root.GetProperty("source_offset").GetInt64();
        Assert.Equal($"{world.Topic}|0|{offset}", rejectedLetter.Message.Key);
        Assert.Equal(RejectingDecoder.Reason, root.GetProperty("reason").GetString());
        Assert.Equal("!not-for-us", Encoding.UTF8.GetString(root.GetProperty("raw_value").GetBytesFromBase64()));
        Assert.EndsWith("Z", root.GetProperty("received_at").GetString(), StringComparison.Ordinal);

        var reasons = deadLetters.Select(d => JsonDocument.Parse(d.Message.Value).RootElement.GetProperty("reason").GetString()).ToList();
        Assert.Contains(reasons, r => r!.Contains("decoder threw FormatException", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r!.Contains("no key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task an_item_a_consumer_keeps_failing_on_is_dead_lettered_after_the_delivery_time_and_the_rest_is_processed()
    {
        await using var world = KafkaStreamsTestWorld.WithDevBroker(partitions: 1);
        await using var cluster = await world.StartClusterAsync(silos: 1, silo =>
            silo.Services.Configure<StreamPullingAgentOptions>(KafkaStreamsTestWorld.ProviderName, o => o.MaxEventDeliveryTime = TimeSpan.FromSeconds(2)));
        var before = TestRecord.Many("before", count: 10, keys: 2, partitions: 1);
        var poison = new TestRecord("key-poison", "fail-please", 0);
        var after = TestRecord.Many("after", count: 10, keys: 2, partitions: 1);

        using (var producer = KafkaTestClients.Producer(world.BootstrapServers))
        {
            await KafkaTestClients.ProduceAsync(producer, world.Topic, [.. before, poison, .. after]);
        }

        var deadLetters = KafkaTestClients.ReadTopic(world.BootstrapServers, world.DeadLetterTopic, 1, 1, TimeSpan.FromSeconds(30));
        await Eventually.HoldsAsync(() => world.Log.AppliedCount >= before.Count + after.Count, TimeSpan.FromSeconds(30),
            () => $"{world.Log.AppliedCount} of {before.Count + after.Count} records applied");

        var letter = Assert.Single(deadLetters);
        using var json = JsonDocument.Parse(letter.Message.Value);
        Assert.Equal(before.Count, json.RootElement.GetProperty("source_offset").GetInt64());
        Assert.Contains("MaxEventDeliveryTime", json.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("fail-please", Encoding.UTF8.GetString(json.RootElement.GetProperty("raw_value").GetBytesFromBase64()));
        RecordAssert.AppliedExactly([.. before, .. after], world.Log);

        // The dead-lettered record counts as done: the checkpoint moves past it.
        var last = before.Count + after.Count;
        await Eventually.HoldsAsync(async () => (await world.ReadCheckpointsAsync())[0] == last, TimeSpan.FromSeconds(30),
            () => $"checkpoint did not reach offset {last}");
    }

    [Fact]
    public async Task grains_can_dead_letter_a_record_they_refuse_later_through_the_public_sink()
    {
        await using var world = KafkaStreamsTestWorld.WithDevBroker(partitions: 1);
        await using var cluster = await world.StartClusterAsync(silos: 1);
        var sink = cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IKafkaDeadLetterSink>(KafkaStreamsTestWorld.ProviderName);

        await sink.WriteAsync(new KafkaPosition(world.Topic, 0, 7), "refused by the grain", Encoding.UTF8.GetBytes("{}"), TestContext.Current.CancellationToken);

        var letter = Assert.Single(KafkaTestClients.ReadTopic(world.BootstrapServers, world.DeadLetterTopic, 1, 1, TimeSpan.FromSeconds(30)));
        Assert.Equal($"{world.Topic}|0|7", letter.Message.Key);
        using var json = JsonDocument.Parse(letter.Message.Value);
        Assert.Equal("refused by the grain", json.RootElement.GetProperty("reason").GetString());
        Assert.Equal(7, json.RootElement.GetProperty("source_offset").GetInt64());
    }
}
