using OrleansPlans.Domain.Contract;
using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Merges;
using OrleansPlans.Domain.Operations;

namespace OrleansPlans.Domain.Tests.Operations;

public sealed class OperatorMergeRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly RequestOrigin Origin = new("operator-key-0", Now, "10.0.0.1", "cli/1");

    [Fact]
    public void defaults_take_the_caller_and_now_and_the_event_id_is_prefixed()
    {
        var request = OperatorMergeRequest.Validate("r-1", "a", "b", null, null, "operator-key-0", Now, out var error);

        Assert.Null(error);
        Assert.Equal(new MergeEvent("op:r-1", "a", "b", Now, "operator-key-0"), request!.ToEvent());
    }

    [Fact]
    public void the_encoded_event_decodes_to_the_same_event()
    {
        var request = OperatorMergeRequest.Validate("r-1", "a", "b", "ops@example.com", "2026-03-01T10:00:00.1234567+05:30", "x", Now, out _)!;

        var decoded = ContractCodec.DecodeMerge("a", ContractCodec.EncodeMerge(request.ToEvent()));

        Assert.Equal(request.ToEvent(), decoded.Value);
    }

    [Fact]
    public void a_repeat_keeps_the_first_request_and_other_plans_are_a_conflict()
    {
        var first = OperatorMergeRequest.Validate("r-1", "a", "b", "first", null, "x", Now, out _)!;
        var created = MergeRequestRecord.Admit(null, first, Origin);
        var repeat = MergeRequestRecord.Admit(created.Record, first with { RequestedBy = "second" }, Origin with { Caller = "operator-key-1" });
        var conflict = MergeRequestRecord.Admit(created.Record, first with { TargetPlanId = "c" }, Origin);

        Assert.Equal((MergeRequestAdmission.Created, MergeRequestAdmission.Repeated, MergeRequestAdmission.Conflict),
            (created.Outcome, repeat.Outcome, conflict.Outcome));
        Assert.Equal("first", conflict.Record.Request.RequestedBy);
        Assert.Equal("b", conflict.Record.Request.TargetPlanId);
        Assert.Equal([MergeRequestActions.Requested, MergeRequestActions.Repeated, MergeRequestActions.Conflict],
            conflict.Record.Audit.Select(a => a.Action));
        Assert.True(repeat.NeedsPublishing);
        Assert.False(conflict.NeedsPublishing);
    }

    [Fact]
    public void a_request_needs_publishing_until_a_publish_succeeds()
    {
        var record = MergeRequestRecord.Admit(null, OperatorMergeRequest.Validate("r-1", "a", "b", null, null, "x", Now, out _)!, Origin).Record;

        record.RecordPublish(Origin, "broker down");
        var afterFailure = MergeRequestRecord.Admit(record, record.Request, Origin).NeedsPublishing;
        record.RecordPublish(Origin, null);

        Assert.True(afterFailure);
        Assert.False(MergeRequestRecord.Admit(record, record.Request, Origin).NeedsPublishing);
    }

    [Fact]
    public void the_audit_trail_is_bounded_and_keeps_the_first_entry()
    {
        var record = MergeRequestRecord.Admit(null, OperatorMergeRequest.Validate("r-1", "a", "b", null, null, "x", Now, out _)!, Origin).Record;

        for (var i = 0; i < 3 * MergeRequestRecord.MaxAuditEntries; i++)
        {
            MergeRequestRecord.Admit(record, record.Request, Origin);
        }

        Assert.Equal(MergeRequestRecord.MaxAuditEntries, record.Audit.Count);
        Assert.Equal(MergeRequestActions.Requested, record.Audit[0].Action);
    }

    [Fact]
    public void status_follows_the_coordinators_decision()
    {
        var forest = new MergeForest();
        var applied = forest.Decide(new MergeEvent("op:1", "a", "b", Now, "x"));
        applied.DecidedAt = Now;
        var refused = forest.Decide(new MergeEvent("op:2", "b", "a", Now, "x"));

        Assert.Equal(MergeRequestStatus.Pending, MergeRequestStatus.Of(null).Status);
        Assert.Equal(MergeRequestStatus.Pending, MergeRequestStatus.Of(applied).Status);
        applied.Completed = true;
        Assert.Equal(new MergeRequestStatus(MergeRequestStatus.Applied, null, "b", Now), MergeRequestStatus.Of(applied));
        Assert.Equal((MergeRequestStatus.Refused, refused.Reason), (MergeRequestStatus.Of(refused).Status, MergeRequestStatus.Of(refused).Reason));
    }

    [Fact]
    public void would_decide_answers_like_decide_without_recording()
    {
        var forest = new MergeForest();
        forest.Decide(new MergeEvent("g-1", "a", "b", Now, "x"));
        forest.Decide(new MergeEvent("g-2", "b", "c", Now, "x"));

        var cycle = forest.WouldDecide("p", "c", "a");
        var chained = forest.WouldDecide("p", "d", "a");
        var repeat = forest.WouldDecide("p", "a", "b");

        Assert.Equal((MergeVerdict.Refused, "merging 'c' into 'a' would make a cycle: 'a' already resolves to 'c'"), (cycle.Verdict, cycle.Reason));
        Assert.Equal((MergeVerdict.Applied, "c", 3L), (chained.Verdict, chained.Survivor, chained.Version));
        Assert.Equal((MergeVerdict.NoOp, "c"), (repeat.Verdict, repeat.Survivor));
        Assert.Equal((2, 2L), (forest.Decisions.Count, forest.Version));
        var decided = forest.Decide(new MergeEvent("g-3", "d", "a", Now, "x"));
        Assert.Equal((chained.Verdict, chained.Survivor, chained.Version), (decided.Verdict, decided.Survivor, decided.Version));
        Assert.Equal(chained.MovedPlans, decided.MovedPlans);
    }

    [Fact]
    public void the_audit_log_pages_newest_first_and_lists_an_id_once()
    {
        var log = new MergeAuditLog();
        foreach (var id in new[] { "r1", "r2", "r3", "r2" })
        {
            log.Append(id);
        }

        Assert.Equal(["r3", "r2"], log.Page(1, 2));
        Assert.Equal(["r1"], log.Page(2, 2));
        Assert.Empty(log.Page(3, 2));
    }
}
