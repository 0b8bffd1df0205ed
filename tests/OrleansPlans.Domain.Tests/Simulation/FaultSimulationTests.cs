using OrleansPlans.Domain.Contract;
using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Tests.Support;
using OrleansPlans.Oracle;

namespace OrleansPlans.Domain.Tests.Simulation;

/// <summary>
/// The central promise under failure, deterministically: the grains' protocol over generated input, with activations
/// dying, calls, writes and emits failing and every failed delivery retried (as the stream provider does), still ends
/// with tables equal to the batch oracle. Seeded: a failing seed replays exactly. The process-kill acceptance test finds
/// such bugs only by luck of timing; this searches for them.
/// </summary>
public sealed class FaultSimulationTests
{
    private const double FaultRate = 0.05;
    private const int MaxAttempts = 12;

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 16)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void tables_equal_the_oracle_when_activations_die_and_calls_fail(int seed)
    {
        var records = new EventGenerator(new GeneratorOptions
        {
            Seed = 7000 + seed, Users = 30, Plans = 10, MembershipEvents = 400, UsageEvents = 1500, Merges = 20,
        }).Generate();
        var dice = new FaultDice(seed, FaultRate);
        var cluster = new FaultyCluster(dice);

        var streams = Streams(records, cluster, new Random(seed));
        var failedDeliveries = 0;
        var queues = streams.Values.Where(q => q.Count > 0).ToList();
        while (queues.Count > 0)
        {
            // Streams interleave arbitrarily; each stream's own records stay in order (a partition's order).
            var queue = queues[dice.Next(queues.Count)];
            var delivery = queue.Peek();
            dice.Enabled = delivery.Attempts < MaxAttempts; // a delivery retried long enough gets through
            try
            {
                delivery.Run();
                queue.Dequeue();
                if (queue.Count == 0)
                {
                    queues.Remove(queue);
                }
            }
            catch (SimulatedFault)
            {
                failedDeliveries++;
                delivery.Attempts++;
                // Failures often are a silo dying: then the delivering activation is gone too.
                if (dice.Next(2) == 0)
                {
                    delivery.Crash();
                }
            }

            dice.Enabled = true;
            if (dice.Roll(2))
            {
                cluster.CrashAny();
            }
        }

        dice.Enabled = false;
        cluster.Settle();

        Assert.True(dice.Faults > 50 && cluster.Crashes > 20 && failedDeliveries > 20,
            $"too few faults to mean anything: {dice.Faults} faults, {cluster.Crashes} crashes, {failedDeliveries} failed deliveries");
        var differences = BatchOracle.Compute(records).DescribeDifferences(OracleBridge.Canonical(cluster.Tables.SelectMany(t => t.Value.Values)), max: 10);
        Assert.True(differences.Length == 0, $"seed {seed} ({dice.Faults} faults, {cluster.Crashes} crashes):\n{differences}");
    }

    /// <summary>
    /// Decodes like the stream provider (bad records dead-lettered at once) and groups the rest into ordered streams:
    /// one per user (membership and usage, a few records per delivery) and one for all merges.
    /// </summary>
    private static Dictionary<string, Queue<Delivery>> Streams(IReadOnlyList<RawRecord> records, FaultyCluster cluster, Random random)
    {
        var streams = new Dictionary<string, Queue<Delivery>>(StringComparer.Ordinal);
        // A user's open batch takes the user's next records until it is full (1 to 4 records, as pulls vary).
        var open = new Dictionary<string, (List<MembershipEvent> Memberships, List<UsageEvent> Usages, int Room)>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var position = new SourcePosition(record.Topic, record.Partition, record.Offset);
            var decoded = ContractCodec.Decode(OracleBridge.TopicOf(record.Topic), record.Key, record.Value);
            if (!decoded.IsValid)
            {
                cluster.DeadLetter(position, decoded.Error, record.Value);
                continue;
            }

            switch (decoded.Value)
            {
                case MergeEvent merge:
                    var request = new MergeRequest(merge, position, record.Value);
                    Enqueue(streams, "merges", new Delivery(() => cluster.DeliverMerge(request), cluster.CrashCoordinator));
                    break;
                case MembershipEvent membership:
                    Batch(membership.UserId).Memberships.Add(membership);
                    break;
                case UsageEvent usage:
                    Batch(usage.UserId).Usages.Add(usage);
                    break;
            }
        }

        return streams;

        (List<MembershipEvent> Memberships, List<UsageEvent> Usages) Batch(string userId)
        {
            if (open.TryGetValue(userId, out var batch) && batch.Room > 0)
            {
                open[userId] = batch with { Room = batch.Room - 1 };
                return (batch.Memberships, batch.Usages);
            }

            batch = ([], [], random.Next(4));
            open[userId] = batch;
            Enqueue(streams, userId, UserDelivery(cluster, userId, batch.Memberships, batch.Usages));
            return (batch.Memberships, batch.Usages);
        }
    }

    private static Delivery UserDelivery(FaultyCluster cluster, string userId, List<MembershipEvent> memberships, List<UsageEvent> usages) =>
        new(() => cluster.DeliverUserEvents(userId, memberships, usages), () => cluster.CrashUser(userId));

    private static void Enqueue(Dictionary<string, Queue<Delivery>> streams, string stream, Delivery delivery)
    {
        if (!streams.TryGetValue(stream, out var queue))
        {
            streams[stream] = queue = new Queue<Delivery>();
        }

        queue.Enqueue(delivery);
    }

    private sealed class Delivery(Action run, Action crash)
    {
        public int Attempts { get; set; }

        public void Run() => run();

        public void Crash() => crash();
    }
}
