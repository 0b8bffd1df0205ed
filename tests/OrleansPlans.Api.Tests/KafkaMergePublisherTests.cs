using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrleansPlans.Api.Hosting;
using OrleansPlans.Api.Publishing;
using OrleansPlans.DevBroker;
using OrleansPlans.Domain.Contract;
using OrleansPlans.Domain.Events;

namespace OrleansPlans.Api.Tests;

/// <summary>The Kafka publisher against the dev broker: the record on the topic is what the contract says.</summary>
public sealed class KafkaMergePublisherTests
{
    private const string Topic = "ops-plan-merges";

    [Fact]
    public async Task a_merge_event_lands_on_the_configured_topic_keyed_by_source_with_the_contracts_json()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var broker = DevBrokerCluster.Start(new DevBrokerOptions { Topics = [Topic], DefaultPartitions = 1 });
        var services = new ServiceCollection();
        services.AddOrleansPlansApi(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Api:MergeTopic"] = Topic }).Build());
        services.AddKafkaMergePublisher(broker.BootstrapServers, new Dictionary<string, string> { ["client.id"] = "merge-ops-test" });
        await using var provider = services.BuildServiceProvider();
        var merge = new MergeEvent("op:kafka-1", "plan-42", "plan-7", new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.FromHours(1)), "ops@example.com");

        await provider.GetRequiredService<IMergeEventPublisher>().PublishAsync(merge, ct);
        var record = ConsumeOne(broker.BootstrapServers, ct);

        Assert.Equal("plan-42", record.Key);
        Assert.Equal("""{"eventId":"op:kafka-1","sourcePlanId":"plan-42","targetPlanId":"plan-7","occurredAt":"2026-03-02T00:00:00Z","requestedBy":"ops@example.com"}""",
            Encoding.UTF8.GetString(record.Value));
        var decoded = ContractCodec.DecodeMerge(record.Key, record.Value);
        Assert.Equal(merge with { OccurredAt = merge.OccurredAt.ToUniversalTime() }, decoded.Value);
    }

    private static Message<string, byte[]> ConsumeOne(string bootstrapServers, CancellationToken ct)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "merge-ops-test",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        }).Build();
        consumer.Assign(new TopicPartitionOffset(Topic, 0, Offset.Beginning));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { Message: { } message })
            {
                return message;
            }

            ct.ThrowIfCancellationRequested();
        }

        throw new TimeoutException($"no record on {Topic} within 20 s");
    }
}
