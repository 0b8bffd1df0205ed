using System.Diagnostics;

namespace OrleansPlans.Oracle.Tests;

public sealed class GeneratorTests
{
    // Generating and judging the default data set once is enough for the whole class.
    private static readonly Lazy<(GeneratedData Data, OracleResult Result)> Default = new(() =>
    {
        var data = new EventGenerator(new GeneratorOptions()).GenerateData();
        return (data, BatchOracle.Run(data.Records));
    });

    [Fact]
    public void the_same_seed_gives_the_same_records_and_another_seed_other_records()
    {
        var options = new GeneratorOptions { Seed = 7, UsageEvents = 2000, MembershipEvents = 500 };
        var first = new EventGenerator(options).Generate();
        var generator = new EventGenerator(options);
        generator.Generate();
        var again = generator.Generate(); // a second call on one instance is as good as a fresh one
        var other = new EventGenerator(options with { Seed = 8 }).Generate();

        Assert.Equal(first.Select(Describe), again.Select(Describe));
        Assert.NotEqual(first.Select(Describe), other.Select(Describe));
        Assert.Equal(EventGenerator.Shuffle(first, 3).Select(Describe), EventGenerator.Shuffle(again, 3).Select(Describe));
    }

    [Fact]
    public void default_data_has_over_20000_records_with_contiguous_offsets_and_key_stable_partitions()
    {
        var records = Default.Value.Data.Records;

        Assert.True(records.Count >= 20_000, $"{records.Count} records");
        foreach (var group in records.GroupBy(r => (r.Topic, r.Partition)))
        {
            Assert.Equal(Enumerable.Range(0, group.Count()).Select(i => (long)i), group.Select(r => r.Offset));
        }

        foreach (var group in records.Where(r => r.Key is not null).GroupBy(r => (r.Topic, r.Key)))
        {
            Assert.Single(group.Select(r => r.Partition).Distinct());
        }

        Assert.Single(records.Where(r => r.Topic == Topics.Merges).Select(r => r.Partition).Distinct());
    }

    [Fact]
    public void default_data_exercises_every_rule()
    {
        var s = Default.Value.Result.Statistics;

        Assert.All(new Dictionary<string, int>
        {
            ["merges applied"] = s.MergesApplied,
            ["merge no-ops"] = s.MergesNoOp,
            ["self merges refused"] = s.MergesRefusedSelf,
            ["conflicting merges refused"] = s.MergesRefusedConflict,
            ["cycles refused"] = s.MergesRefusedCycle,
            ["merges into merged targets"] = s.MergesIntoMergedTarget,
            ["merges of plans without events"] = s.MergesOfPlansWithoutMembership,
            ["membership naming a merged plan before its merge"] = s.MembershipNamingMergedPlanBeforeMerge,
            ["membership naming a merged plan after its merge"] = s.MembershipNamingMergedPlanAfterMerge,
            ["users with several plans"] = s.UsersWithSeveralPlans,
            ["ineffective removals"] = s.IneffectiveRemovals,
            ["re-adds of the current plan"] = s.ReAddsOfCurrentPlan,
            ["same-instant pairs"] = s.SameInstantMembershipPairs,
            ["added/removed at one instant"] = s.AddRemovePairsAtOneInstant,
            ["zero-length intervals"] = s.ZeroLengthIntervals,
            ["usage inside zero-length intervals"] = s.UsageInsideZeroLengthInterval,
            ["usage at interval boundaries"] = s.UsageAtIntervalBoundary,
            ["usage before any membership"] = s.UsageBeforeAnyMembership,
            ["unattributed usage"] = s.UsageUnattributed,
            ["late events"] = s.LateEvents,
            ["unknown fields"] = s.EventsWithUnknownFields,
            ["non-UTC offsets"] = s.NonUtcOffsets,
            ["offsets crossing the UTC day"] = s.OffsetsCrossingUtcDay,
            ["fractional seconds"] = s.FractionalSeconds,
            ["nanosecond fractions"] = s.NanosecondFractions,
            ["null keys"] = s.NullKeys,
            ["membership duplicates"] = s.DuplicatesIgnored.GetValueOrDefault(Topics.Membership),
            ["usage duplicates"] = s.DuplicatesIgnored.GetValueOrDefault(Topics.Usage),
            ["merge duplicates"] = s.DuplicatesIgnored.GetValueOrDefault(Topics.Merges),
        }, feature => Assert.True(feature.Value > 0, $"no {feature.Key}"));
        Assert.True(s.LongestMergeChain >= 3, $"longest chain {s.LongestMergeChain}");
    }

    [Fact]
    public void every_poison_record_and_nothing_else_but_refused_merges_is_dead_lettered()
    {
        var (data, result) = Default.Value;
        var s = result.Statistics;
        var deadLetters = result.Tables[TableNames.DeadLetters].Keys.ToHashSet(StringComparer.Ordinal);
        var poison = data.Poison.Select(p => p.Record.PositionKey).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(poison.Except(deadLetters));
        Assert.Equal(s.MergesRefusedSelf + s.MergesRefusedConflict + s.MergesRefusedCycle, deadLetters.Except(poison).Count());
        Assert.All(deadLetters.Except(poison), key => Assert.StartsWith(Topics.Merges + "|", key, StringComparison.Ordinal));
        var kinds = data.Poison.Select(p => p.Kind).ToHashSet(StringComparer.Ordinal);
        Assert.All(
            [
                "membership/not-utf8", "usage/json-array", "merges/not-json", "any/not-json-text", "usage/missing-seconds",
                "membership/null-planId", "merges/missing-requestedBy", "usage/contentId-129-chars", "usage/userId-empty",
                "membership/planId-bad-charset", "usage/occurredAt-no-offset", "usage/occurredAt-unparsable",
                "usage/seconds-0", "usage/seconds-86401", "usage/seconds-1.5", "usage/seconds-300.0", "usage/seconds-string",
                "membership/type-unknown", "usage/key-mismatch", "merges/key-mismatch",
            ],
            kind => Assert.Contains(kind, kinds));
    }

    [Fact]
    public void tables_do_not_depend_on_the_order_of_non_merge_records()
    {
        var (data, result) = Default.Value;

        // Shuffle everything, then put the merges back in their original relative order (the one order-dependent rule).
        var shuffled = EventGenerator.Shuffle(data.Records, seed: 42).ToList();
        var merges = new Queue<RawRecord>(data.Records.Where(r => r.Topic == Topics.Merges));
        var reordered = shuffled.Select(r => r.Topic == Topics.Merges ? merges.Dequeue() : r).ToList();

        Assert.NotEqual(data.Records, reordered);
        Assert.Equal("", result.Tables.DescribeDifferences(BatchOracle.Compute(reordered)));
    }

    [Fact]
    public void the_oracle_judges_60000_records_in_a_few_seconds()
    {
        var records = new EventGenerator(new GeneratorOptions { Seed = 3, UsageEvents = 48_000, MembershipEvents = 9_000 }).Generate();

        var clock = Stopwatch.StartNew();
        var tables = BatchOracle.Compute(records);
        clock.Stop();

        Assert.True(records.Count >= 60_000, $"{records.Count} records");
        Assert.True(tables.RowCount > 0);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        TestContext.Current.SendDiagnosticMessage($"oracle: {records.Count} records in {clock.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public void invalid_options_are_rejected_with_the_option_named()
    {
        var error = Assert.Throws<ArgumentException>(() => new EventGenerator(new GeneratorOptions { DuplicateRate = 1.5 }));

        Assert.Contains("GeneratorOptions.DuplicateRate", error.Message, StringComparison.Ordinal);
    }

    private static string Describe(RawRecord r) =>
        $"{r.Topic}|{r.Partition}|{r.Offset}|{r.Key}|{Convert.ToBase64String(r.Value)}";
}
