using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;

namespace OrleansPlans.Streaming.Kafka.Tests;

/// <summary>A partition never stalls in silence: a record is dead-lettered whatever its size, or the partition is reported stuck.</summary>
public sealed class StuckPartitionTests
{
    [Fact]
    public async Task a_record_whose_copy_exceeds_the_dead_letter_limit_is_dead_lettered_cut_with_size_and_digest_and_the_records_behind_it_are_applied()
    {
        await using var world = KafkaStreamsTestWorld.WithDevBroker(partitions: 1);

        // The provider's producer refuses records over 32 KiB, as a broker with a small message limit does: a whole
        // copy of the 200 KB record cannot be dead-lettered, so the limit comes from message.max.bytes.
        await using var cluster = await world.StartClusterAsync(silos: 1,
            silo => silo.Services.AddKeyedSingleton<IKafkaRecordDecoder, RejectingDecoder>(KafkaStreamsTestWorld.ProviderName),
            kafka => kafka.ClientConfig["message.max.bytes"] = "32768");
        var before = TestRecord.Many("before", count: 10, keys: 2, partitions: 1);
        var big = new TestRecord("key-big", "!" + new string('x', 200_000), 0);
        var after = TestRecord.Many("after", count: 10, keys: 2, partitions: 1);
        using (var producer = KafkaTestClients.Producer(world.BootstrapServers))
        {
            await KafkaTestClients.ProduceAsync(producer, world.Topic, [.. before, big, .. after]);
        }

        await Eventually.HoldsAsync(() => world.Log.AppliedCount >= before.Count + after.Count, TimeSpan.FromSeconds(30),
            () => $"{world.Log.AppliedCount} of {before.Count + after.Count} records applied");
        RecordAssert.AppliedExactly([.. before, .. after], world.Log);

        var letter = Assert.Single(KafkaTestClients.ReadTopic(world.BootstrapServers, world.DeadLetterTopic, 1, 1, TimeSpan.FromSeconds(30)));
        Assert.True(Encoding.UTF8.GetByteCount(letter.Message.Value) <= 32768, $"a {letter.Message.Value.Length}-byte dead letter");
        using var json = JsonDocument.Parse(letter.Message.Value);
        Assert.Equal(before.Count, json.RootElement.GetProperty("source_offset").GetInt64());
        var kept = Encoding.UTF8.GetString(json.RootElement.GetProperty("raw_value").GetBytesFromBase64());
        Assert.StartsWith("!xxx", kept, StringComparison.Ordinal);
        var reason = json.RootElement.GetProperty("reason").GetString()!;
        Assert.StartsWith(RejectingDecoder.Reason, reason, StringComparison.Ordinal);
        Assert.Contains($"first {kept.Length} of {big.Value.Length} bytes", reason, StringComparison.Ordinal);
        Assert.Contains(BoundedDeadLetter.Digest(Encoding.UTF8.GetBytes(big.Value)), reason, StringComparison.Ordinal);
        var stuck = cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IKafkaStuckPartitions>(KafkaStreamsTestWorld.ProviderName);
        Assert.Empty(stuck.Current);
    }

    [Fact]
    public async Task a_record_whose_cut_copy_the_producer_still_refuses_is_dead_lettered_without_its_raw_value_but_with_size_and_digest()
    {
        await using var world = KafkaStreamsTestWorld.WithDevBroker(partitions: 1);

        // A producer limit below the smallest dead-letter limit the provider accepts (16 KiB): even the cut copy is refused.
        await using var cluster = await world.StartClusterAsync(silos: 1,
            silo => silo.Services.AddKeyedSingleton<IKafkaRecordDecoder, RejectingDecoder>(KafkaStreamsTestWorld.ProviderName),
            kafka => kafka.ClientConfig["message.max.bytes"] = "12000");
        var big = new TestRecord("key-big", "!" + new string('y', 100_000), 0);
        var after = TestRecord.Many("after", count: 10, keys: 2, partitions: 1);
        using (var producer = KafkaTestClients.Producer(world.BootstrapServers))
        {
            await KafkaTestClients.ProduceAsync(producer, world.Topic, [big, .. after]);
        }

        await Eventually.HoldsAsync(() => world.Log.AppliedCount >= after.Count, TimeSpan.FromSeconds(30),
            () => $"{world.Log.AppliedCount} of {after.Count} records applied");
        RecordAssert.AppliedExactly(after, world.Log);
        var letter = Assert.Single(KafkaTestClients.ReadTopic(world.BootstrapServers, world.DeadLetterTopic, 1, 1, TimeSpan.FromSeconds(30)));
        using var json = JsonDocument.Parse(letter.Message.Value);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("raw_value").ValueKind);
        var reason = json.RootElement.GetProperty("reason").GetString()!;
        Assert.Contains($"raw_value omitted", reason, StringComparison.Ordinal);
        Assert.Contains($"{big.Value.Length} bytes", reason, StringComparison.Ordinal);
        Assert.Contains(BoundedDeadLetter.Digest(Encoding.UTF8.GetBytes(big.Value)), reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_partition_whose_dead_letters_keep_failing_is_reported_stuck_at_the_record_and_clears_once_they_succeed()
    {
        await using var world = KafkaStreamsTestWorld.WithDevBroker(partitions: 1);
        var sink = new SwitchableDeadLetterSink();
        await using var cluster = await world.StartClusterAsync(silos: 1, silo =>
        {
            silo.Services.AddKeyedSingleton<IKafkaRecordDecoder, RejectingDecoder>(KafkaStreamsTestWorld.ProviderName);
            silo.Services.AddKeyedSingleton<IKafkaDeadLetterSink>(KafkaStreamsTestWorld.ProviderName, sink);
        });
        var stuck = cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IKafkaStuckPartitions>(KafkaStreamsTestWorld.ProviderName);
        var before = TestRecord.Many("before", count: 10, keys: 2, partitions: 1);
        var after = TestRecord.Many("after", count: 10, keys: 2, partitions: 1);
        using (var producer = KafkaTestClients.Producer(world.BootstrapServers))
        {
            await KafkaTestClients.ProduceAsync(producer, world.Topic, before);
            await Eventually.HoldsAsync(() => world.Log.AppliedCount >= before.Count, TimeSpan.FromSeconds(30),
                () => $"{world.Log.AppliedCount} of {before.Count} records applied");
            await KafkaTestClients.ProduceAsync(producer, world.Topic, [new TestRecord("key-bad", "!refused", 0), .. after]);
        }

        await Eventually.HoldsAsync(() => stuck.Current.Count > 0, TimeSpan.FromSeconds(30),
            () => $"no partition reported stuck after {sink.Refused} refused dead-letter writes");
        var partition = Assert.Single(stuck.Current);
        Assert.Equal((world.Topic, 0, (long)before.Count), (partition.Topic, partition.Partition, partition.Offset));
        Assert.True(partition.Failures >= 3, $"stuck after {partition.Failures} failures");
        Assert.Equal(SwitchableDeadLetterSink.Error, partition.LastError);
        Assert.Equal(before.Count, world.Log.AppliedCount);

        sink.Failing = false;
        await Eventually.HoldsAsync(() => world.Log.AppliedCount >= before.Count + after.Count, TimeSpan.FromSeconds(30),
            () => $"{world.Log.AppliedCount} of {before.Count + after.Count} records applied");
        await Eventually.HoldsAsync(() => stuck.Current.Count == 0, TimeSpan.FromSeconds(30),
            () => $"still reported stuck: {string.Join(", ", stuck.Current)}");
        Assert.Contains(new KafkaPosition(world.Topic, 0, before.Count), sink.Written);
        RecordAssert.AppliedExactly([.. before, .. after], world.Log);
    }
}
