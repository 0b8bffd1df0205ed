using OrleansPlans.Domain.Tests.Support;

namespace OrleansPlans.Domain.Tests.Rules;

public sealed class AttributionRulesTests
{
    [Fact]
    public void late_membership_re_attributes_usage_that_was_unattributed()
    {
        var s = new Scenario().Used("u-1", "user-1", "2026-03-01T10:15:00Z", seconds: 300);
        Assert.Equal(300, s.Unattributed("2026-03-01")!.Seconds);

        s.Added("m-1", "plan-a", "user-1", "2026-03-01T10:00:00Z");

        Assert.Null(s.Unattributed("2026-03-01"));
        Assert.Equal((300L, 1L, 1L), (s.Daily("plan-a", "2026-03-01")!.Seconds, s.Daily("plan-a", "2026-03-01")!.Events, s.Daily("plan-a", "2026-03-01")!.ActiveUsers));
        Assert.Equal(300, s.Hourly("plan-a", "2026-03-01T10:00:00Z")!.Seconds);
        s.AssertReplicaConsistent();
    }

    [Fact]
    public void late_membership_moves_usage_between_plans()
    {
        var s = new Scenario()
            .Added("m-1", "plan-a", "user-1", "2026-03-01T08:00:00Z")
            .Used("u-1", "user-1", "2026-03-01T12:00:00Z")
            .Added("m-2", "plan-b", "user-1", "2026-03-01T11:00:00Z");

        Assert.Null(s.Daily("plan-a", "2026-03-01"));
        Assert.Equal(1, s.Daily("plan-b", "2026-03-01")!.Events);
        s.AssertReplicaConsistent();
    }

    [Fact]
    public void the_boundary_instant_belongs_to_the_new_membership()
    {
        var s = new Scenario()
            .Added("m-1", "plan-a", "user-1", "2026-03-01T08:00:00Z")
            .Added("m-2", "plan-b", "user-1", "2026-03-01T09:00:00Z")
            .Used("u-1", "user-1", "2026-03-01T09:00:00Z")
            .Used("u-2", "user-1", "2026-03-01T08:59:59.9999999Z");

        Assert.Equal(1, s.Hourly("plan-b", "2026-03-01T09:00:00Z")!.Events);
        Assert.Equal(1, s.Hourly("plan-a", "2026-03-01T08:00:00Z")!.Events);
    }

    [Fact]
    public void usage_at_the_removal_instant_is_unattributed()
    {
        var s = new Scenario()
            .Added("m-1", "plan-a", "user-1", "2026-03-01T08:00:00Z")
            .Removed("m-2", "plan-a", "user-1", "2026-03-01T09:00:00Z")
            .Used("u-1", "user-1", "2026-03-01T09:00:00Z");

        Assert.Equal(1, s.Unattributed("2026-03-01")!.Events);
        Assert.Null(s.Hourly("plan-a", "2026-03-01T09:00:00Z"));
    }

    [Fact]
    public void usage_counts_in_the_utc_hour_and_day_of_its_instant()
    {
        var s = new Scenario()
            .Added("m-1", "plan-a", "user-1", "2026-02-28T00:00:00Z")
            .Used("u-1", "user-1", "2026-03-01T00:30:00+05:30", seconds: 10);

        Assert.Equal(10, s.Daily("plan-a", "2026-02-28")!.Seconds);
        Assert.Equal(10, s.Hourly("plan-a", "2026-02-28T19:00:00Z")!.Seconds);
    }

    [Fact]
    public void active_users_counts_distinct_users_per_plan_and_day()
    {
        var s = new Scenario()
            .Added("m-1", "plan-a", "user-1", "2026-03-01T00:00:00Z")
            .Added("m-2", "plan-a", "user-2", "2026-03-01T00:00:00Z")
            .Used("u-1", "user-1", "2026-03-01T10:00:00Z")
            .Used("u-2", "user-1", "2026-03-01T11:00:00Z")
            .Used("u-3", "user-2", "2026-03-01T12:00:00Z")
            .Used("u-4", "user-2", "2026-03-02T12:00:00Z");

        Assert.Equal((3L, 2L), (s.Daily("plan-a", "2026-03-01")!.Events, s.Daily("plan-a", "2026-03-01")!.ActiveUsers));
        Assert.Equal(1, s.Daily("plan-a", "2026-03-02")!.ActiveUsers);
    }

    [Fact]
    public void rows_whose_counts_drop_to_zero_are_deleted()
    {
        var s = new Scenario()
            .Added("m-1", "plan-a", "user-1", "2026-03-01T00:00:00Z")
            .Used("u-1", "user-1", "2026-03-01T10:00:00Z", content: "course-1");
        Assert.NotNull(s.Row<Rows.PlanContentUsageRow>(Rows.OutputTables.PlanContentUsage, "plan-a|course-1"));

        s.Removed("m-2", "plan-a", "user-1", "2026-03-01T09:00:00Z");

        Assert.Empty(s.Table(Rows.OutputTables.PlanContentUsage));
        Assert.Empty(s.Table(Rows.OutputTables.PlanUsageHourly));
        Assert.Empty(s.Table(Rows.OutputTables.PlanUsageDaily));
        s.AssertReplicaConsistent();
    }
}
