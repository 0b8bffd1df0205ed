using Orleans.Runtime;
using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Grains.Ingestion;
using OrleansPlans.Oracle;

namespace OrleansPlans.Grains.Tests;

/// <summary>The oracle scenario through memory streams into a 2-silo cluster: the tables equal the oracle.</summary>
public sealed class ClusterMatchesOracleTests
{
    private static readonly TimeSpan CatchUpDeadline = TimeSpan.FromMinutes(3);

    // Every merge waits for its decision before the next is sent: a short poll keeps the feed quick.
    private static readonly TimeSpan MergeDecisionPoll = TimeSpan.FromMilliseconds(10);

    // Comparing every table with the oracle costs more than the poll of a single decision.
    private static readonly TimeSpan TablesPoll = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task two_silos_fed_through_memory_streams_equal_the_oracle()
    {
        var records = OracleScenario.Generate(new GeneratorOptions
        {
            Seed = 77, Users = 120, Plans = 24, MembershipEvents = 1500, UsageEvents = 4500, Merges = 24,
        });
        await using var cluster = await MemoryStreamCluster.StartAsync();

        await FeedAsync(cluster, records);
        await OracleScenario.AssertEqualsOracleAsync(records, () => OracleScenario.Canonical(cluster.Rows.Snapshot()), CatchUpDeadline, TablesPoll);
    }

    private static async Task FeedAsync(MemoryStreamCluster cluster, IReadOnlyList<RawRecord> records)
    {
        var provider = cluster.Client.GetStreamProvider(MemoryStreamCluster.StreamProvider);
        var coordinator = cluster.Client.GetGrain<IMergeCoordinatorGrain>(0);
        var userEvents = new Dictionary<string, List<(string Namespace, object Event)>>();
        foreach (var record in records)
        {
            // What the Kafka provider's decoder does: decode, dead-letter what is bad, route by key.
            var position = new SourcePosition(record.Topic, record.Partition, record.Offset);
            var routed = InputRecordRouter.Route(TopicOf(record.Topic), record.Key, record.Value, position, DateTimeOffset.UnixEpoch);
            if (routed.DeadLetter is { } dead)
            {
                await cluster.Rows.PublishAsync([new RowChange(dead.Table, dead.Key, dead)]);
            }
            else if (routed.Item is MergeRequest merge)
            {
                // Merges are decided in arrival order: send each one and wait for its decision.
                await provider.GetStream<object>(StreamId.Create(routed.Namespace!, routed.StreamKey!)).OnNextAsync(merge);
                await Eventually.HoldsAsync(
                    async () => await coordinator.GetDecisionAsync(merge.Event.EventId) is not null, CatchUpDeadline, () => $"no decision on merge {merge.Event.EventId}", MergeDecisionPoll);
            }
            else
            {
                Queue(routed.StreamKey!, routed.Namespace!, routed.Item!);
            }
        }

        // Users are independent streams: feed them concurrently, each in its own order.
        await Task.WhenAll(userEvents.Select(async user =>
        {
            foreach (var (ns, item) in user.Value)
            {
                await provider.GetStream<object>(StreamId.Create(ns, user.Key)).OnNextAsync(item);
            }
        }));

        void Queue(string userId, string ns, object item)
        {
            if (!userEvents.TryGetValue(userId, out var list))
            {
                userEvents[userId] = list = [];
            }

            list.Add((ns, item));
        }
    }

    private static InputTopic TopicOf(string topic) => topic switch
    {
        Topics.Membership => InputTopic.Membership,
        Topics.Usage => InputTopic.Usage,
        _ => InputTopic.Merges,
    };
}
