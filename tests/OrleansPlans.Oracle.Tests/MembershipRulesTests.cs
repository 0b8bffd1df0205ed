namespace OrleansPlans.Oracle.Tests;

public sealed class MembershipRulesTests
{
    [Fact]
    public void late_membership_re_attributes_earlier_usage()
    {
        var s = new Scenario();
        s.Usage("u-1", "user-1", "c1", 300, "2026-03-01T10:00:00Z");
        s.Added("m-1", "plan-a", "user-1", "2026-03-01T09:30:00.25Z"); // arrives after the usage it covers

        var actual = s.Compute();

        Expect.Equal(
            Expect.Tables([
                .. Expect.Usage("plan-a", "c1", 300, "2026-03-01T10:00:00Z"),
                (TableNames.PlanMembers, RowFormat.Member("plan-a", "user-1", Scenario.Utc("2026-03-01T09:30:00.25Z"))),
                (TableNames.Plans, RowFormat.Plan("plan-a", "active", null, 1)),
            ]),
            actual);

        // The exact output-topic format the team agreed on.
        Assert.Equal(
            """{"plan_id":"plan-a","hour_start":"2026-03-01T10:00:00Z","seconds":300,"events":1}""",
            actual[TableNames.PlanUsageHourly]["plan-a|2026-03-01T10:00:00Z"]);
        Assert.Equal(
            """{"plan_id":"plan-a","user_id":"user-1","member_since":"2026-03-01T09:30:00.25Z"}""",
            actual[TableNames.PlanMembers]["plan-a|user-1"]);
        Assert.Equal("""{"plan_id":"plan-a","status":"active","merged_into":null,"member_count":1}""", actual[TableNames.Plans]["plan-a"]);
    }

    [Fact]
    public void nanosecond_digits_are_truncated_so_events_apart_by_less_than_100_ns_tie_and_event_id_orders_them()
    {
        // By nanoseconds m-2 (plan-a) comes first and m-1 (plan-b) last; truncated to 100 ns both are at 10:00:00.1234567,
        // so ordinal eventId order applies: m-1 then m-2, and the user ends in plan-a, whatever the arrival order.
        foreach (var reversed in new[] { false, true })
        {
            var s = new Scenario();
            var events = new Action[]
            {
                () => s.Added("m-2", "plan-a", "user-1", "2026-03-01T10:00:00.123456701Z"),
                () => s.Added("m-1", "plan-b", "user-1", "2026-03-01T10:00:00.123456799Z"),
            };
            foreach (var add in reversed ? events.Reverse() : events)
            {
                add();
            }

            var actual = s.Compute();

            Assert.Equal(
                """{"plan_id":"plan-a","user_id":"user-1","member_since":"2026-03-01T10:00:00.1234567Z"}""",
                actual[TableNames.PlanMembers]["plan-a|user-1"]);
            Assert.False(actual[TableNames.PlanMembers].ContainsKey("plan-b|user-1"));
        }
    }

    [Fact]
    public void nanoseconds_never_round_an_event_into_the_next_hour()
    {
        var s = new Scenario();
        s.Added("m-1", "plan-a", "user-1", "2026-03-01T00:00:00Z");
        s.Usage("u-1", "user-1", "c1", 10, "2026-03-01T09:59:59.999999999Z");

        var actual = s.Compute();

        Assert.True(actual[TableNames.PlanUsageHourly].ContainsKey("plan-a|2026-03-01T09:00:00Z"));
        Assert.False(actual[TableNames.PlanUsageHourly].ContainsKey("plan-a|2026-03-01T10:00:00Z"));
    }

    [Fact]
    public void usage_at_a_boundary_instant_belongs_to_the_interval_that_starts_there()
    {
        var s = new Scenario();
        s.Added("m-1", "plan-a", "user-1", "2026-03-01T09:00:00Z");
        s.Added("m-2", "plan-b", "user-1", "2026-03-01T11:00:00+01:00"); // 10:00Z ends plan-a
        s.Removed("m-3", "plan-b", "user-1", "2026-03-01T12:00:00Z");
        s.Usage("u-1", "user-1", "c1", 10, "2026-03-01T10:00:00Z");
        s.Usage("u-2", "user-1", "c1", 20, "2026-03-01T09:59:59.9999999Z");
        s.Usage("u-3", "user-1", "c1", 30, "2026-03-01T12:00:00Z");

        Expect.Equal(
            Expect.Tables([
                .. Expect.Usage("plan-b", "c1", 10, "2026-03-01T10:00:00Z"),
                .. Expect.Usage("plan-a", "c1", 20, "2026-03-01T09:59:59.9999999Z"),
                (TableNames.UnattributedUsageDaily, RowFormat.UnattributedDaily(new DateOnly(2026, 3, 1), 30, 1)),
                (TableNames.Plans, RowFormat.Plan("plan-a", "active", null, 0)),
                (TableNames.Plans, RowFormat.Plan("plan-b", "active", null, 0)),
            ]),
            s.Compute());
    }

    [Fact]
    public void same_instant_events_apply_in_ordinal_event_id_order()
    {
        var s = new Scenario();
        const string T = "2026-03-01T09:00:00Z";

        // Ordinal: "M-2" < "m-1" (77 < 109), so added then removed: a zero-length interval holding no instant.
        s.Removed("m-1", "plan-a", "user-1", T);
        s.Added("M-2", "plan-a", "user-1", T);
        s.Usage("u-1", "user-1", "c1", 5, T);

        // Ordinal: "m-4" < "m_3" (45 < 95), so removed (no effect) then added: a member from T on.
        s.Added("m_3", "plan-a", "user-2", T);
        s.Removed("m-4", "plan-a", "user-2", T);
        s.Usage("u-2", "user-2", "c1", 7, T);

        Expect.Equal(
            Expect.Tables([
                .. Expect.Usage("plan-a", "c1", 7, T),
                (TableNames.UnattributedUsageDaily, RowFormat.UnattributedDaily(new DateOnly(2026, 3, 1), 5, 1)),
                (TableNames.PlanMembers, RowFormat.Member("plan-a", "user-2", Scenario.Utc(T))),
                (TableNames.Plans, RowFormat.Plan("plan-a", "active", null, 1)),
            ]),
            s.Compute());
    }

    [Fact]
    public void ineffective_removal_and_re_add_change_nothing_and_offsets_count_in_the_utc_hour_and_day()
    {
        var s = new Scenario();
        s.Added("m-1", "plan-a", "user-1", "2026-03-01T09:00:00Z");
        s.Removed("m-2", "plan-b", "user-1", "2026-03-01T10:00:00Z"); // not a member of plan-b: no effect
        s.Added("m-3", "plan-a", "user-1", "2026-03-01T11:00:00Z"); // already in plan-a: member_since stays 09:00
        s.Usage("u-1", "user-1", "c1", 1, "2026-03-02T01:30:00+05:30"); // 2026-03-01T20:00Z
        s.Usage("u-2", "user-1", "c2", 86400, "2026-03-01T20:15:00.1234567-08:00"); // 2026-03-02T04:15:00.1234567Z

        Expect.Equal(
            Expect.Tables([
                .. Expect.Usage("plan-a", "c1", 1, "2026-03-01T20:00:00Z", withMonth: false),
                .. Expect.Usage("plan-a", "c2", 86400, "2026-03-02T04:15:00.1234567Z", withMonth: false),
                (TableNames.PlanUsageMonthly, RowFormat.UsageMonthly("plan-a", new DateOnly(2026, 3, 1), 86401, 2, 1)),
                (TableNames.PlanMembers, RowFormat.Member("plan-a", "user-1", Scenario.Utc("2026-03-01T09:00:00Z"))),
                (TableNames.Plans, RowFormat.Plan("plan-a", "active", null, 1)),
                (TableNames.Plans, RowFormat.Plan("plan-b", "active", null, 0)),
            ]),
            s.Compute());
    }

    [Fact]
    public void active_users_counts_distinct_users_per_plan_and_day()
    {
        var s = new Scenario();
        s.Added("m-1", "plan-a", "user-1", "2026-03-01T00:00:00Z");
        s.Added("m-2", "plan-a", "user-2", "2026-03-01T00:00:00Z");
        s.Usage("u-1", "user-1", "c1", 10, "2026-03-01T10:00:00Z");
        s.Usage("u-2", "user-1", "c1", 10, "2026-03-01T11:00:00Z");
        s.Usage("u-3", "user-2", "c1", 10, "2026-03-01T11:30:00Z");

        var daily = s.Compute()[TableNames.PlanUsageDaily];

        Assert.Equal(
            """{"plan_id":"plan-a","day":"2026-03-01","seconds":30,"events":3,"active_users":2}""",
            Assert.Single(daily).Value);
    }
}
