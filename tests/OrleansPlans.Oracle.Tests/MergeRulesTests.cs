namespace OrleansPlans.Oracle.Tests;

public sealed class MergeRulesTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void chain_a_to_b_to_c_reports_everything_under_c(bool mergesFirst)
    {
        var s = new Scenario();
        if (mergesFirst)
        {
            s.Merge("g-2", "plan-b", "plan-c"); // b -> c before a -> b: a's merge targets an already-merged plan
            s.Merge("g-1", "plan-a", "plan-b");
        }

        s.Added("m-1", "plan-a", "user-1", "2026-03-01T09:00:00Z");
        s.Added("m-2", "plan-b", "user-2", "2026-03-01T09:00:00Z");
        s.Usage("u-1", "user-1", "c1", 100, "2026-03-01T10:00:00Z");
        s.Usage("u-2", "user-2", "c1", 200, "2026-03-01T10:30:00Z");
        if (!mergesFirst)
        {
            s.Merge("g-1", "plan-a", "plan-b");
            s.Merge("g-2", "plan-b", "plan-c");
        }

        var day = new DateOnly(2026, 3, 1);
        Expect.Equal(
            Expect.Tables(
                (TableNames.PlanUsageHourly, RowFormat.UsageHourly("plan-c", Scenario.Utc("2026-03-01T10:00:00Z"), 300, 2)),
                (TableNames.PlanUsageDaily, RowFormat.UsageDaily("plan-c", day, 300, 2, 2)),
                (TableNames.PlanUsageMonthly, RowFormat.UsageMonthly("plan-c", day, 300, 2, 2)),
                (TableNames.PlanContentUsage, RowFormat.ContentUsage("plan-c", "c1", 300, 2)),
                (TableNames.PlanMembers, RowFormat.Member("plan-c", "user-1", Scenario.Utc("2026-03-01T09:00:00Z"))),
                (TableNames.PlanMembers, RowFormat.Member("plan-c", "user-2", Scenario.Utc("2026-03-01T09:00:00Z"))),
                (TableNames.Plans, RowFormat.Plan("plan-a", "merged", "plan-c", 0)),
                (TableNames.Plans, RowFormat.Plan("plan-b", "merged", "plan-c", 0)),
                (TableNames.Plans, RowFormat.Plan("plan-c", "active", null, 2))),
            s.Compute());
    }

    [Fact]
    public void refused_merges_are_dead_lettered_repeats_are_no_ops_and_plans_without_events_can_merge()
    {
        var s = new Scenario();
        s.Merge("g-1", "plan-a", "plan-b");
        s.Merge("g-2", "plan-a", "plan-b"); // repeat with a new eventId: no-op
        var conflict = s.Merge("g-3", "plan-a", "plan-c"); // a is already merged into b
        s.Bytes(conflict.Topic, conflict.Key, conflict.Value); // the same conflicting record re-sent: a duplicate, ignored
        var cycle = s.Merge("g-4", "plan-b", "plan-a"); // a resolves to b
        var self = s.Merge("g-5", "plan-d", "plan-d");
        s.Merge("g-6", "plan-x", "plan-y"); // no events name either plan
        s.Merge("g-7", "plan-y", "plan-b"); // x -> y -> b
        var deepCycle = s.Merge("g-8", "plan-b", "plan-x"); // x resolves to b

        Expect.Equal(
            Expect.Tables(
                (TableNames.Plans, RowFormat.Plan("plan-a", "merged", "plan-b", 0)),
                (TableNames.Plans, RowFormat.Plan("plan-b", "active", null, 0)),
                (TableNames.Plans, RowFormat.Plan("plan-x", "merged", "plan-b", 0)),
                (TableNames.Plans, RowFormat.Plan("plan-y", "merged", "plan-b", 0)),
                (TableNames.DeadLetters, RowFormat.DeadLetter(Topics.Merges, 0, conflict.Offset)),
                (TableNames.DeadLetters, RowFormat.DeadLetter(Topics.Merges, 0, cycle.Offset)),
                (TableNames.DeadLetters, RowFormat.DeadLetter(Topics.Merges, 0, self.Offset)),
                (TableNames.DeadLetters, RowFormat.DeadLetter(Topics.Merges, 0, deepCycle.Offset))),
            s.Compute());
    }

    [Fact]
    public void the_second_of_two_conflicting_merges_is_refused()
    {
        var s = new Scenario();
        s.Merge("g-2", "plan-a", "plan-c");
        var second = s.Merge("g-1", "plan-a", "plan-b");

        var tables = s.Compute();

        Assert.Equal([second.PositionKey], tables[TableNames.DeadLetters].Keys);
        Assert.Equal(RowFormat.Plan("plan-a", "merged", "plan-c", 0).Value, tables[TableNames.Plans]["plan-a"]);
        Assert.False(tables[TableNames.Plans].ContainsKey("plan-b"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void membership_events_naming_a_merged_plan_apply_to_its_root(bool mergeFirst)
    {
        var s = new Scenario();
        if (mergeFirst)
        {
            s.Merge("g-1", "plan-a", "plan-b");
        }

        s.Added("m-1", "plan-a", "user-1", "2026-03-01T09:00:00Z");
        s.Removed("m-2", "plan-b", "user-1", "2026-03-01T11:00:00Z"); // closes the membership begun in plan-a
        s.Added("m-3", "plan-b", "user-2", "2026-03-01T09:00:00Z");
        s.Removed("m-4", "plan-a", "user-2", "2026-03-01T10:00:00Z"); // closes the membership in plan-b
        s.Added("m-5", "plan-a", "user-3", "2026-03-01T09:00:00Z");
        s.Added("m-6", "plan-b", "user-3", "2026-03-01T09:30:00Z"); // same root: no effect, member_since stays 09:00
        s.Usage("u-1", "user-3", "c1", 60, "2026-03-01T09:45:00Z");
        if (!mergeFirst)
        {
            s.Merge("g-1", "plan-a", "plan-b");
        }

        Expect.Equal(
            Expect.Tables([
                .. Expect.Usage("plan-b", "c1", 60, "2026-03-01T09:45:00Z"),
                (TableNames.PlanMembers, RowFormat.Member("plan-b", "user-3", Scenario.Utc("2026-03-01T09:00:00Z"))),
                (TableNames.Plans, RowFormat.Plan("plan-a", "merged", "plan-b", 0)),
                (TableNames.Plans, RowFormat.Plan("plan-b", "active", null, 1)),
            ]),
            s.Compute());
    }
}
