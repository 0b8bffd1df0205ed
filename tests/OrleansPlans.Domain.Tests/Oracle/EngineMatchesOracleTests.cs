using OrleansPlans.Domain.Rows;
using OrleansPlans.Domain.Tests.Support;
using OrleansPlans.Oracle;

namespace OrleansPlans.Domain.Tests.Oracle;

/// <summary>The central promise: whatever the arrival order, the tables equal a batch computation over the distinct valid events.</summary>
public sealed class EngineMatchesOracleTests
{
    private const int Orderings = 200;

    private static readonly IReadOnlyList<RawRecord> Records = new EventGenerator(new GeneratorOptions { Seed = 20261122 }).Generate();

    [Fact]
    public void generated_data_is_large_and_exercises_the_rules()
    {
        var result = BatchOracle.Run(Records);

        Assert.True(Records.Count >= 20_000, $"only {Records.Count} records");
        Assert.Contains(result.Tables[OutputTables.Plans].Values, v => v!.Contains("\"merged\"", StringComparison.Ordinal));
        Assert.NotEmpty(result.Tables[OutputTables.DeadLetters]);
        Assert.NotEmpty(result.Tables[OutputTables.UnattributedUsageDaily]);
        Assert.NotEmpty(result.Tables[OutputTables.PlanMembers]);
    }

    [Fact]
    public void engine_equals_oracle_in_generation_order()
    {
        var engine = OracleBridge.Run(Records);

        var differences = BatchOracle.Compute(Records).DescribeDifferences(OracleBridge.Canonical(engine.Tables.SelectMany(t => t.Value.Values)));

        Assert.True(differences.Length == 0, differences);
    }

    [Fact]
    public void engine_equals_oracle_in_200_random_arrival_orders()
    {
        // Only the relative order of merges can change the result (the second of two conflicting merges is
        // refused), so with merges kept in their relative order one oracle answer holds for every ordering.
        var expected = BatchOracle.Compute(Records);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, Orderings, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, seed =>
        {
            var engine = OracleBridge.Run(ShuffleKeepingMergeOrder(Records, seed));
            var differences = expected.DescribeDifferences(OracleBridge.Canonical(engine.Tables.SelectMany(t => t.Value.Values)), max: 5);
            if (differences.Length > 0)
            {
                failures.Add($"ordering {seed}:\n{differences}");
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} of {Orderings} orderings differ; first:\n{failures.FirstOrDefault()}");
    }

    [Fact]
    public void engine_equals_oracle_when_merges_arrive_in_other_orders_too()
    {
        for (var seed = 1000; seed < 1006; seed++)
        {
            var shuffled = EventGenerator.Shuffle(Records, seed);
            var engine = OracleBridge.Run(shuffled);

            var differences = BatchOracle.Compute(shuffled).DescribeDifferences(OracleBridge.Canonical(engine.Tables.SelectMany(t => t.Value.Values)), max: 5);

            Assert.True(differences.Length == 0, $"ordering {seed}:\n{differences}");
        }
    }

    [Fact]
    public void emitted_row_changes_rebuild_exactly_the_current_rows()
    {
        var engine = OracleBridge.Run(EventGenerator.Shuffle(Records, 7));

        var replica = OracleBridge.Canonical(engine.Tables.SelectMany(t => t.Value.Values));
        var fresh = OracleBridge.Canonical(engine.CurrentRows());

        Assert.Equal("", fresh.DescribeDifferences(replica));
    }

    [Fact]
    public void monthly_active_users_equal_the_oracle_across_a_month_boundary_in_random_arrival_orders()
    {
        // Ten days from 24 February: users active in both months, merges of plans whose users were active in both,
        // and late memberships re-attributing usage on either side of the boundary.
        var records = new EventGenerator(new GeneratorOptions
        {
            Seed = 20261206, Users = 120, Plans = 20, MembershipEvents = 1500, UsageEvents = 5000, Merges = 20,
            StartUtc = new DateTime(2026, 2, 24, 0, 0, 0, DateTimeKind.Utc),
        }).Generate();
        var expected = BatchOracle.Compute(records);
        var months = expected[OutputTables.PlanUsageMonthly].Keys.Select(k => k[(k.IndexOf('|', StringComparison.Ordinal) + 1)..]).ToHashSet();
        Assert.Contains("2026-02-01", months);
        Assert.Contains("2026-03-01", months);

        for (var seed = 0; seed < 40; seed++)
        {
            var engine = OracleBridge.Run(ShuffleKeepingMergeOrder(records, seed));

            var differences = expected.DescribeDifferences(OracleBridge.Canonical(engine.Tables.SelectMany(t => t.Value.Values)), max: 5);

            Assert.True(differences.Length == 0, $"ordering {seed}:\n{differences}");
        }
    }

    private static List<RawRecord> ShuffleKeepingMergeOrder(IReadOnlyList<RawRecord> records, int seed)
    {
        var shuffled = EventGenerator.Shuffle(records, seed).ToList();
        using var merges = records.Where(r => r.Topic == Topics.Merges).GetEnumerator();
        for (var i = 0; i < shuffled.Count; i++)
        {
            if (shuffled[i].Topic == Topics.Merges && merges.MoveNext())
            {
                shuffled[i] = merges.Current;
            }
        }

        return shuffled;
    }
}
