using OrleansPlans.Domain.Figures;
using OrleansPlans.Domain.Plans;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Domain.Tests.Support;

namespace OrleansPlans.Domain.Tests.Rules;

/// <summary>Contract 1.1's <c>plan_usage_monthly</c> through the engine: the same ledgers and workflows the grains run.</summary>
public sealed class MonthlyActiveUsersRulesTests
{
    [Fact]
    public void a_user_counts_once_per_plan_and_utc_month_however_many_days_they_are_active()
    {
        var s = new Scenario()
            .Added("m-1", "plan-a", "user-1", "2026-01-01T00:00:00Z")
            .Added("m-2", "plan-a", "user-2", "2026-01-01T00:00:00Z")
            .Used("u-1", "user-1", "2026-03-01T10:00:00Z", seconds: 10)
            .Used("u-2", "user-1", "2026-03-17T10:00:00Z", seconds: 20)
            .Used("u-3", "user-2", "2026-03-31T23:59:59Z", seconds: 30)
            .Used("u-4", "user-2", "2026-03-31T20:00:00-05:00", seconds: 40); // April in UTC

        Assert.Equal(new PlanUsageMonthlyRow("plan-a", new DateOnly(2026, 3, 1), 60, 3, 2), s.Monthly("plan-a", "2026-03-01"));
        Assert.Equal(new PlanUsageMonthlyRow("plan-a", new DateOnly(2026, 4, 1), 40, 1, 1), s.Monthly("plan-a", "2026-04-01"));
        s.AssertReplicaConsistent();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void a_user_active_in_both_merged_plans_counts_once_in_the_survivor_and_the_source_row_is_deleted(bool mergeFirst)
    {
        var s = new Scenario();
        if (mergeFirst)
        {
            s.Merged("g-1", "plan-a", "plan-b");
        }

        s.Added("m-1", "plan-a", "user-1", "2026-03-01T00:00:00Z")
            .Added("m-2", "plan-b", "user-1", "2026-03-10T00:00:00Z")
            .Added("m-3", "plan-b", "user-2", "2026-03-01T00:00:00Z")
            .Used("u-1", "user-1", "2026-03-05T10:00:00Z", seconds: 10)
            .Used("u-2", "user-1", "2026-03-20T10:00:00Z", seconds: 20)
            .Used("u-3", "user-2", "2026-03-20T11:00:00Z", seconds: 30);
        if (!mergeFirst)
        {
            Assert.Equal(1, s.Monthly("plan-a", "2026-03-01")!.ActiveUsers);
            Assert.Equal(2, s.Monthly("plan-b", "2026-03-01")!.ActiveUsers);
            s.Merged("g-1", "plan-a", "plan-b");
        }

        Assert.Equal(new PlanUsageMonthlyRow("plan-b", new DateOnly(2026, 3, 1), 60, 3, 2), s.Monthly("plan-b", "2026-03-01"));
        Assert.Null(s.Monthly("plan-a", "2026-03-01"));
        s.AssertReplicaConsistent();
    }

    [Fact]
    public void a_late_membership_crossing_a_month_boundary_moves_a_users_only_usage_of_the_month_between_plans()
    {
        var s = new Scenario()
            .Added("m-1", "plan-a", "user-1", "2026-01-01T00:00:00Z")
            .Added("m-2", "plan-b", "user-2", "2026-01-01T00:00:00Z")
            .Used("u-1", "user-1", "2026-02-28T23:00:00Z", seconds: 10)
            .Used("u-2", "user-1", "2026-03-02T10:00:00Z", seconds: 20) // user-1's only March usage
            .Used("u-3", "user-2", "2026-03-03T10:00:00Z", seconds: 30);
        Assert.Equal(new PlanUsageMonthlyRow("plan-a", new DateOnly(2026, 3, 1), 20, 1, 1), s.Monthly("plan-a", "2026-03-01"));
        Assert.Equal(1, s.Monthly("plan-b", "2026-03-01")!.ActiveUsers);

        s.Added("m-3", "plan-b", "user-1", "2026-02-28T23:30:00Z"); // late: user-1 was in plan-b from then on

        Assert.Null(s.Monthly("plan-a", "2026-03-01"));
        Assert.Equal(new PlanUsageMonthlyRow("plan-a", new DateOnly(2026, 2, 1), 10, 1, 1), s.Monthly("plan-a", "2026-02-01"));
        Assert.Equal(new PlanUsageMonthlyRow("plan-b", new DateOnly(2026, 3, 1), 50, 2, 2), s.Monthly("plan-b", "2026-03-01"));
        s.AssertReplicaConsistent();
    }

    [Fact]
    public void a_monthly_row_is_published_to_its_topic_as_snake_case_json_keyed_by_plan_and_month()
    {
        var row = new PlanUsageMonthlyRow("plan-a", new DateOnly(2026, 3, 1), 60, 3, 2);

        Assert.Equal("plan-a|2026-03-01", row.Key);
        Assert.Equal("plan-usage-monthly", OutputTables.DefaultTopic(row.Table));
        Assert.Equal("""{"plan_id":"plan-a","month":"2026-03-01","seconds":60,"events":3,"active_users":2}""", RowJson.ToText(row));
    }

    [Fact]
    public void a_ledger_stored_in_parts_reads_its_months_back()
    {
        var s = new Scenario()
            .Added("m-1", "plan-a", "user-1", "2026-01-01T00:00:00Z")
            .Used("u-1", "user-1", "2026-02-28T23:00:00Z", seconds: 10)
            .Used("u-2", "user-1", "2026-03-02T10:00:00Z", seconds: 20);
        var plan = s.Engine.FindPlan("plan-a")!;

        var loaded = PlanLedgerParts.Load("plan-a", PlanLedgerParts.All(plan));

        Assert.Equal(
            new Dictionary<DateOnly, DayTally> { [new DateOnly(2026, 2, 1)] = new(10, 1, 1), [new DateOnly(2026, 3, 1)] = new(20, 1, 1) },
            loaded.Figures.Monthly);
    }

    [Fact]
    public void with_months_not_counted_a_user_contributes_no_monthly_figures()
    {
        var timeline = new Users.UserTimeline("user-1") { CountsMonths = false };
        timeline.Ingest(new Events.UsageEvent("u-1", "user-1", "c-1", 10, new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero)));
        timeline.Ingest(new Events.MembershipEvent("m-1", Events.MembershipChange.Added, "plan-a", "user-1", new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)));
        timeline.Learn("plan-a", PlanResolution.Self("plan-a"));

        var delta = timeline.Commit();

        Assert.Equal(new DayTally(10, 1, 1), delta.Plans["plan-a"].Daily[new DateOnly(2026, 3, 2)]);
        Assert.Empty(delta.Plans["plan-a"].Monthly);
    }
}
