using OrleansPlans.Domain.Rows;
using OrleansPlans.Domain.Tests.Support;

namespace OrleansPlans.Domain.Tests.Rules;

public sealed class MergeRulesTests
{
    private static Scenario TwoPlansWithUsage() => new Scenario()
        .Added("m-1", "plan-a", "user-1", "2026-03-01T08:00:00Z")
        .Added("m-2", "plan-b", "user-2", "2026-03-01T08:00:00Z")
        .Used("u-1", "user-1", "2026-03-01T10:00:00Z", seconds: 100)
        .Used("u-2", "user-2", "2026-03-01T10:30:00Z", seconds: 50);

    [Fact]
    public void merge_moves_usage_and_members_to_the_target_and_tombstones_the_source_rows()
    {
        var s = TwoPlansWithUsage().Merged("g-1", "plan-a", "plan-b");

        Assert.Equal((150L, 2L, 2L), (s.Daily("plan-b", "2026-03-01")!.Seconds, s.Daily("plan-b", "2026-03-01")!.Events, s.Daily("plan-b", "2026-03-01")!.ActiveUsers));
        Assert.Equal(new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc), s.Member("plan-b", "user-1")!.MemberSince);
        Assert.Equal(new PlanRow("plan-a", "merged", "plan-b", 0), s.Plan("plan-a"));
        Assert.Equal(new PlanRow("plan-b", "active", null, 2), s.Plan("plan-b"));
        Assert.DoesNotContain(s.Engine.Tables.Where(t => t.Key != OutputTables.Plans).SelectMany(t => t.Value.Keys), k => k.StartsWith("plan-a|", StringComparison.Ordinal));
        s.AssertReplicaConsistent();
    }

    [Fact]
    public void events_naming_a_merged_plan_apply_to_the_survivor_whenever_they_arrive()
    {
        var s = TwoPlansWithUsage()
            .Merged("g-1", "plan-a", "plan-b")
            .Added("m-3", "plan-a", "user-3", "2026-03-01T09:00:00Z")
            .Used("u-3", "user-3", "2026-03-01T09:30:00Z", seconds: 7);

        Assert.Equal(new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc), s.Member("plan-b", "user-3")!.MemberSince);
        Assert.Equal(157, s.Daily("plan-b", "2026-03-01")!.Seconds);
        Assert.Null(s.Member("plan-a", "user-3"));
        s.AssertReplicaConsistent();
    }

    [Fact]
    public void member_removed_naming_a_merged_plan_ends_the_membership_of_the_survivor()
    {
        var s = TwoPlansWithUsage()
            .Merged("g-1", "plan-a", "plan-b")
            .Removed("m-3", "plan-a", "user-2", "2026-03-01T10:15:00Z");

        Assert.Null(s.Member("plan-b", "user-2"));
        Assert.Equal(1, s.Plan("plan-b")!.MemberCount);

        // user-2's usage at 10:30 now falls after the removal.
        Assert.Equal(50, s.Unattributed("2026-03-01")!.Seconds);
        s.AssertReplicaConsistent();
    }

    [Fact]
    public void member_removed_naming_a_plan_merged_later_is_reconciled_when_the_merge_arrives()
    {
        var s = TwoPlansWithUsage()
            .Removed("m-3", "plan-a", "user-2", "2026-03-01T10:15:00Z");
        Assert.NotNull(s.Member("plan-b", "user-2"));

        s.Merged("g-1", "plan-a", "plan-b");

        Assert.Null(s.Member("plan-b", "user-2"));
        Assert.Equal(50, s.Unattributed("2026-03-01")!.Seconds);
        s.AssertReplicaConsistent();
    }

    [Fact]
    public void a_user_in_both_plans_keeps_the_earliest_membership_after_the_merge()
    {
        // Resolved first, member_added(b, 07:00) then member_added(a→b, 08:00) is a no-op: member since 07:00.
        var s = new Scenario()
            .Added("m-1", "plan-b", "user-1", "2026-03-01T07:00:00Z")
            .Added("m-2", "plan-a", "user-1", "2026-03-01T08:00:00Z")
            .Used("u-1", "user-1", "2026-03-01T07:30:00Z")
            .Used("u-2", "user-1", "2026-03-01T09:00:00Z")
            .Merged("g-1", "plan-a", "plan-b");

        Assert.Equal(new DateTime(2026, 3, 1, 7, 0, 0, DateTimeKind.Utc), s.Member("plan-b", "user-1")!.MemberSince);
        Assert.Equal((2L, 1L), (s.Daily("plan-b", "2026-03-01")!.Events, s.Daily("plan-b", "2026-03-01")!.ActiveUsers));
        Assert.Equal(1, s.Plan("plan-b")!.MemberCount);
        s.AssertReplicaConsistent();
    }

    [Fact]
    public void chain_a_to_b_to_c_reports_everything_under_c()
    {
        var s = TwoPlansWithUsage()
            .Added("m-3", "plan-c", "user-3", "2026-03-01T08:00:00Z")
            .Merged("g-1", "plan-a", "plan-b")
            .Merged("g-2", "plan-b", "plan-c")
            .Used("u-3", "user-1", "2026-03-01T11:00:00Z", seconds: 1);

        Assert.Equal(151, s.Daily("plan-c", "2026-03-01")!.Seconds);
        Assert.Equal(3, s.Plan("plan-c")!.MemberCount);
        Assert.Equal("plan-c", s.Plan("plan-a")!.MergedInto);
        Assert.Equal("plan-c", s.Plan("plan-b")!.MergedInto);
        s.AssertReplicaConsistent();
    }

    [Fact]
    public void cycle_is_refused_with_a_reason()
    {
        var s = TwoPlansWithUsage()
            .Merged("g-1", "plan-a", "plan-b")
            .Merged("g-2", "plan-b", "plan-a");

        var dead = Assert.Single(s.DeadLetters);
        Assert.Contains("cycle", dead.Reason, StringComparison.Ordinal);
        Assert.Equal("active", s.Plan("plan-b")!.Status);
    }

    [Fact]
    public void self_merge_and_second_merge_of_a_source_are_refused_and_a_repeat_is_a_no_op()
    {
        var s = TwoPlansWithUsage()
            .Merged("g-1", "plan-a", "plan-a")
            .Merged("g-2", "plan-a", "plan-b")
            .Merged("g-3", "plan-a", "plan-c")
            .Merged("g-4", "plan-a", "plan-b");

        Assert.Equal(2, s.DeadLetters.Count());
        Assert.Contains(s.DeadLetters, d => d.Reason.Contains("into itself", StringComparison.Ordinal));
        Assert.Contains(s.DeadLetters, d => d.Reason.Contains("already merged into 'plan-b'", StringComparison.Ordinal));
        Assert.Null(s.Plan("plan-c"));
        Assert.Equal(150, s.Daily("plan-b", "2026-03-01")!.Seconds);
    }

    [Fact]
    public void plan_merged_before_any_of_its_events_arrive()
    {
        var s = new Scenario()
            .Merged("g-1", "plan-a", "plan-b")
            .Added("m-1", "plan-a", "user-1", "2026-03-01T08:00:00Z")
            .Used("u-1", "user-1", "2026-03-01T10:00:00Z", seconds: 100);

        Assert.Equal(new PlanRow("plan-a", "merged", "plan-b", 0), s.Plan("plan-a"));
        Assert.Equal(new PlanRow("plan-b", "active", null, 1), s.Plan("plan-b"));
        Assert.Equal(100, s.Daily("plan-b", "2026-03-01")!.Seconds);
        s.AssertReplicaConsistent();
    }

    [Fact]
    public void merge_into_an_already_merged_target_goes_to_its_survivor()
    {
        var s = TwoPlansWithUsage()
            .Merged("g-1", "plan-b", "plan-c")
            .Merged("g-2", "plan-a", "plan-b");

        Assert.Equal("plan-c", s.Plan("plan-a")!.MergedInto);
        Assert.Equal(150, s.Daily("plan-c", "2026-03-01")!.Seconds);
        Assert.Equal(2, s.Plan("plan-c")!.MemberCount);
    }

    [Fact]
    public void a_refused_merge_redelivered_at_its_position_is_dead_lettered_again_and_a_copy_elsewhere_is_a_duplicate()
    {
        var s = TwoPlansWithUsage().Merged("g-1", "plan-a", "plan-a");
        var decision = s.Engine.ApplyMerge(new Events.MergeRequest(
            new Events.MergeEvent("g-1", "plan-a", "plan-a", DateTimeOffset.UnixEpoch, "ops"), new Events.SourcePosition("Merges", 0, 0)));

        s.Merged("g-1", "plan-a", "plan-a");

        Assert.Equal(Merges.MergeVerdict.Refused, decision.Verdict);
        Assert.Equal("Merges|0|0", Assert.Single(s.DeadLetters).Key);
    }

    [Fact]
    public void a_user_renamed_silently_by_an_earlier_merge_is_fully_reconciled_by_a_later_one()
    {
        // Found by the oracle: plan-012 → plan-020 renamed the user's plan without telling the user (no other plan of
        // theirs was involved); a later merge joining the user's other plan must reconcile plan-012 too.
        var s = new Scenario()
            .Merged("g-1", "plan-008", "plan-035")
            .Merged("g-2", "plan-017", "plan-008")
            .Added("m-1", "plan-017", "user-1", "2026-03-02T22:18:29Z")
            .Added("m-2", "plan-012", "user-1", "2026-03-03T19:42:04Z")
            .Merged("g-3", "plan-012", "plan-020")
            .Merged("g-4", "plan-019", "plan-012")
            .Merged("g-5", "plan-035", "plan-019");

        Assert.Equal(new DateTime(2026, 3, 2, 22, 18, 29, DateTimeKind.Utc), s.Member("plan-020", "user-1")!.MemberSince);
        s.AssertReplicaConsistent();
    }

    [Fact]
    public void a_user_registering_through_a_plan_handed_off_but_not_yet_absorbed_gets_the_forwarded_resolution()
    {
        // Found through Kafka: between a hand-off and its absorption the survivor does not know the alias yet.
        var source = new Plans.PlanLedger("plan-a");
        var survivor = new Plans.PlanLedger("plan-b");
        source.HandOff("g-1", new Plans.PlanResolution("plan-b", 3));

        var registration = survivor.AcceptUser("plan-a", "user-1", forwardedVersion: source.MergedInto!.Value.Version);

        Assert.Equal(new Plans.PlanResolution("plan-b", 3), registration.Resolution);
        Assert.Throws<InvalidOperationException>(() => survivor.AcceptUser("plan-z", "user-1"));
    }

    [Fact]
    public void a_hand_off_replayed_after_it_was_confirmed_gets_the_survivors_original_answer()
    {
        // Found by the process-kill acceptance test: the coordinator died after the survivor absorbed the plan and
        // the source confirmed, but before the decision was marked complete; the replay must not throw.
        var s = new Scenario()
            .Added("m-1", "plan-a", "user-1", "2026-03-01T08:00:00Z")
            .Added("m-2", "plan-b", "user-1", "2026-03-01T07:00:00Z")
            .Merged("g-1", "plan-a", "plan-b");
        var source = s.Engine.FindPlan("plan-a")!;
        var survivor = s.Engine.FindPlan("plan-b")!;

        var replay = source.HandOff("g-1", source.MergedInto!.Value);
        var move = survivor.Absorb(replay, source.MergedInto!.Value.Version);

        Assert.True(replay.Figures.IsEmpty);
        Assert.Equal(["user-1"], move.Reconcile);
        Assert.Equal(1, s.Plan("plan-b")!.MemberCount);
    }

    [Fact]
    public void a_delta_redelivered_while_the_survivor_has_not_absorbed_the_hand_off_is_not_counted_twice()
    {
        // Found by the process-kill acceptance test: the absorb waited on a dead silo while the user's outbox was
        // redelivered; the survivor, not yet knowing the source's sequences, counted the delta beside the hand-off.
        var source = new Plans.PlanLedger("plan-a");
        var survivor = new Plans.PlanLedger("plan-b");
        Assert.Equal(Plans.DeltaOutcome.Applied, source.Apply("user-1", 1, "plan-a", OneUsage(100)));
        var handOff = source.HandOff("g-1", new Plans.PlanResolution("plan-b", 3));

        Assert.Equal(Plans.DeltaOutcome.Duplicate, source.Apply("user-1", 1, "plan-a", OneUsage(100)));
        Assert.Equal(Plans.DeltaOutcome.Forward, source.Apply("user-1", 2, "plan-a", OneUsage(30)));
        Assert.Equal(Plans.DeltaOutcome.Applied, survivor.Apply("user-1", 2, "plan-a", OneUsage(30)));
        survivor.Absorb(handOff, 3);
        source.ConfirmHandOff("g-1");

        Assert.Equal(130, survivor.Figures.Content["course-1"].Seconds);
        Assert.Equal(2, survivor.Figures.Content["course-1"].Events);
        // Once confirmed the survivor holds the source's sequences and answers redeliveries itself.
        Assert.Equal(Plans.DeltaOutcome.Forward, source.Apply("user-1", 1, "plan-a", OneUsage(100)));
        Assert.Equal(Plans.DeltaOutcome.Duplicate, survivor.Apply("user-1", 1, "plan-a", OneUsage(100)));
    }

    private static Figures.PlanFigures OneUsage(int seconds)
    {
        var figures = new Figures.PlanFigures();
        figures.AddUsage(new Events.UsageEvent($"u-{seconds}", "user-1", "course-1", seconds, DateTimeOffset.Parse("2026-03-01T10:00:00Z")));
        return figures;
    }
}
