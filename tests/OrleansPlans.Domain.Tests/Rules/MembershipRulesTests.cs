using OrleansPlans.Domain.Tests.Support;

namespace OrleansPlans.Domain.Tests.Rules;

public sealed class MembershipRulesTests
{
    [Fact]
    public void member_added_ends_the_previous_membership_at_the_same_instant()
    {
        var s = new Scenario()
            .Added("m-1", "plan-a", "u-1", "2026-03-01T08:00:00Z")
            .Added("m-2", "plan-b", "u-1", "2026-03-01T10:00:00Z");

        Assert.Null(s.Member("plan-a", "u-1"));
        Assert.Equal(new DateTime(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc), s.Member("plan-b", "u-1")!.MemberSince);
        Assert.Equal(0, s.Plan("plan-a")!.MemberCount);
        Assert.Equal(1, s.Plan("plan-b")!.MemberCount);
        s.AssertReplicaConsistent();
    }

    [Fact]
    public void re_adding_the_current_plan_keeps_the_original_member_since()
    {
        var s = new Scenario()
            .Added("m-1", "plan-a", "u-1", "2026-03-01T08:00:00Z")
            .Added("m-2", "plan-a", "u-1", "2026-03-02T08:00:00Z");

        Assert.Equal(new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc), s.Member("plan-a", "u-1")!.MemberSince);
    }

    [Fact]
    public void member_removed_of_another_plan_has_no_effect_but_names_that_plan()
    {
        var s = new Scenario()
            .Added("m-1", "plan-a", "u-1", "2026-03-01T08:00:00Z")
            .Removed("m-2", "plan-b", "u-1", "2026-03-01T09:00:00Z");

        Assert.NotNull(s.Member("plan-a", "u-1"));
        Assert.Equal(("active", 0L), (s.Plan("plan-b")!.Status, s.Plan("plan-b")!.MemberCount));
    }

    [Fact]
    public void same_instant_events_apply_in_ordinal_event_id_order()
    {
        // "m-B" < "m-a" ordinally (upper case sorts first): removed then added → member; the reverse → not a member.
        var removedFirst = new Scenario()
            .Added("m-0", "plan-a", "u-1", "2026-03-01T08:00:00Z")
            .Added("m-a", "plan-a", "u-1", "2026-03-01T09:00:00Z")
            .Removed("m-B", "plan-a", "u-1", "2026-03-01T09:00:00Z");
        var addedFirst = new Scenario()
            .Added("m-0", "plan-a", "u-1", "2026-03-01T08:00:00Z")
            .Added("m-B", "plan-a", "u-1", "2026-03-01T09:00:00Z")
            .Removed("m-a", "plan-a", "u-1", "2026-03-01T09:00:00Z");

        Assert.Equal(new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc), removedFirst.Member("plan-a", "u-1")!.MemberSince);
        Assert.Null(addedFirst.Member("plan-a", "u-1"));
    }

    [Fact]
    public void events_apart_by_less_than_100_ns_tie_and_event_id_orders_them()
    {
        // Java and Go write nanoseconds; the 8th and 9th digit are truncated, so both events are at 10:00:00.1234567 and
        // m-1 (plan-b) applies before m-2 (plan-a), though by nanoseconds m-2 came first.
        var inOrder = new Scenario()
            .Added("m-2", "plan-a", "u-1", "2026-03-01T10:00:00.123456701Z")
            .Added("m-1", "plan-b", "u-1", "2026-03-01T10:00:00.123456799Z");
        var reversed = new Scenario()
            .Added("m-1", "plan-b", "u-1", "2026-03-01T10:00:00.123456799Z")
            .Added("m-2", "plan-a", "u-1", "2026-03-01T10:00:00.123456701Z");

        foreach (var s in new[] { inOrder, reversed })
        {
            Assert.Equal(new DateTime(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc).AddTicks(1234567), s.Member("plan-a", "u-1")!.MemberSince);
            Assert.Null(s.Member("plan-b", "u-1"));
        }
    }

    [Fact]
    public void membership_depends_on_event_time_not_arrival_order()
    {
        var inOrder = new Scenario()
            .Added("m-1", "plan-a", "u-1", "2026-03-01T08:00:00Z")
            .Removed("m-2", "plan-a", "u-1", "2026-03-01T09:00:00Z")
            .Added("m-3", "plan-b", "u-1", "2026-03-01T10:00:00Z");
        var reversed = new Scenario()
            .Added("m-3", "plan-b", "u-1", "2026-03-01T10:00:00Z")
            .Removed("m-2", "plan-a", "u-1", "2026-03-01T09:00:00Z")
            .Added("m-1", "plan-a", "u-1", "2026-03-01T08:00:00Z");

        Assert.Equal(inOrder.Member("plan-b", "u-1"), reversed.Member("plan-b", "u-1"));
        Assert.Null(reversed.Member("plan-a", "u-1"));
        reversed.AssertReplicaConsistent();
    }
}
