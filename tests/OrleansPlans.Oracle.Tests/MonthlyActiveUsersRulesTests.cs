namespace OrleansPlans.Oracle.Tests;

/// <summary>Contract 1.1's <c>plan_usage_monthly</c>: distinct active users per plan and UTC calendar month.</summary>
public sealed class MonthlyActiveUsersRulesTests
{
    [Fact]
    public void a_user_active_on_several_days_of_a_month_counts_once_and_months_are_utc()
    {
        var s = new Scenario();
        s.Added("m-1", "plan-a", "user-1", "2026-01-01T00:00:00Z");
        s.Added("m-2", "plan-a", "user-2", "2026-01-01T00:00:00Z");
        s.Usage("u-1", "user-1", "c1", 10, "2026-03-01T10:00:00Z");
        s.Usage("u-2", "user-1", "c1", 20, "2026-03-17T10:00:00Z");
        s.Usage("u-3", "user-2", "c1", 30, "2026-03-31T23:59:59Z");
        s.Usage("u-4", "user-2", "c1", 40, "2026-03-31T20:00:00-05:00"); // 2026-04-01T01:00Z: April in UTC

        var monthly = s.Compute()[TableNames.PlanUsageMonthly];

        Assert.Equal(
            new SortedDictionary<string, string?>(StringComparer.Ordinal)
            {
                ["plan-a|2026-03-01"] = """{"plan_id":"plan-a","month":"2026-03-01","seconds":60,"events":3,"active_users":2}""",
                ["plan-a|2026-04-01"] = """{"plan_id":"plan-a","month":"2026-04-01","seconds":40,"events":1,"active_users":1}""",
            },
            monthly);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void a_user_active_in_two_plans_later_merged_counts_once_in_the_survivor(bool mergeFirst)
    {
        var s = new Scenario();
        if (mergeFirst)
        {
            s.Merge("g-1", "plan-a", "plan-b");
        }

        s.Added("m-1", "plan-a", "user-1", "2026-03-01T00:00:00Z");
        s.Added("m-2", "plan-b", "user-1", "2026-03-10T00:00:00Z"); // moves user-1 from a to b
        s.Added("m-3", "plan-b", "user-2", "2026-03-01T00:00:00Z");
        s.Usage("u-1", "user-1", "c1", 10, "2026-03-05T10:00:00Z"); // in a
        s.Usage("u-2", "user-1", "c1", 20, "2026-03-20T10:00:00Z"); // in b
        s.Usage("u-3", "user-2", "c1", 30, "2026-03-20T11:00:00Z"); // in b
        if (!mergeFirst)
        {
            s.Merge("g-1", "plan-a", "plan-b");
        }

        Assert.Equal(
            """{"plan_id":"plan-b","month":"2026-03-01","seconds":60,"events":3,"active_users":2}""",
            Assert.Single(s.Compute()[TableNames.PlanUsageMonthly]).Value);
    }

    [Fact]
    public void a_late_membership_crossing_a_month_boundary_moves_a_users_only_usage_of_the_month_to_the_other_plan()
    {
        var s = new Scenario();
        s.Added("m-1", "plan-a", "user-1", "2026-01-01T00:00:00Z");
        s.Added("m-2", "plan-b", "user-2", "2026-01-01T00:00:00Z");
        s.Usage("u-1", "user-1", "c1", 10, "2026-02-28T23:00:00Z"); // February, plan-a whatever comes later
        s.Usage("u-2", "user-1", "c1", 20, "2026-03-02T10:00:00Z"); // user-1's only March usage
        s.Usage("u-3", "user-2", "c1", 30, "2026-03-03T10:00:00Z");
        var before = s.Compute()[TableNames.PlanUsageMonthly];
        Assert.Equal("""{"plan_id":"plan-a","month":"2026-03-01","seconds":20,"events":1,"active_users":1}""", before["plan-a|2026-03-01"]);

        // Arrives last, dated before the March usage and after the February one: user-1 was in plan-b from then on.
        s.Added("m-3", "plan-b", "user-1", "2026-02-28T23:30:00Z");

        Assert.Equal(
            new SortedDictionary<string, string?>(StringComparer.Ordinal)
            {
                ["plan-a|2026-02-01"] = """{"plan_id":"plan-a","month":"2026-02-01","seconds":10,"events":1,"active_users":1}""",
                ["plan-b|2026-03-01"] = """{"plan_id":"plan-b","month":"2026-03-01","seconds":50,"events":2,"active_users":2}""",
            },
            s.Compute()[TableNames.PlanUsageMonthly]);
    }
}
