namespace OrleansPlans.Domain.Operations;

/// <summary>
/// What is kept of one operator merge request: the request as first made, whether its event was published, and
/// its audit trail. The merge's outcome is not kept here: it is the coordinator's decision for
/// <see cref="MergeEventId"/>, looked up when asked, so there is one source of truth.
/// </summary>
public sealed class MergeRequestRecord
{
    /// <summary>The most audit entries kept per request; beyond it the oldest repeats are dropped (the first entry stays).</summary>
    public const int MaxAuditEntries = 100;

    /// <summary>The request as first made.</summary>
    public required OperatorMergeRequest Request { get; init; }

    /// <summary>Who made it first, when and from where.</summary>
    public required RequestOrigin Origin { get; init; }

    /// <summary>Whether the merge event was handed to the topic (acknowledged).</summary>
    public bool Published { get; set; }

    /// <summary>Everything that happened to the request, oldest first.</summary>
    public List<MergeRequestAuditEntry> Audit { get; init; } = [];

    /// <summary>
    /// Contract of idempotency: the first call creates the record; the same request id with the same plans is a
    /// repeat of it (whatever its requestedBy or occurredAt: the first call's values stand); with other plans it is
    /// a conflict, which changes nothing but the audit trail.
    /// </summary>
    public static MergeRequestAdmission Admit(MergeRequestRecord? existing, OperatorMergeRequest request, RequestOrigin origin)
    {
        if (existing is null)
        {
            var created = new MergeRequestRecord { Request = request, Origin = origin };
            created.Record(MergeRequestActions.Requested, origin, null);
            return new MergeRequestAdmission(MergeRequestAdmission.Created, created);
        }

        var first = existing.Request;
        if (first.SourcePlanId == request.SourcePlanId && first.TargetPlanId == request.TargetPlanId)
        {
            existing.Record(MergeRequestActions.Repeated, origin, null);
            return new MergeRequestAdmission(MergeRequestAdmission.Repeated, existing);
        }

        existing.Record(MergeRequestActions.Conflict, origin, $"asked to merge '{request.SourcePlanId}' into '{request.TargetPlanId}'");
        return new MergeRequestAdmission(MergeRequestAdmission.Conflict, existing);
    }

    /// <summary>Records that the event was published (or, with <paramref name="failure"/>, that publishing failed).</summary>
    public void RecordPublish(RequestOrigin origin, string? failure)
    {
        Published |= failure is null;
        Record(failure is null ? MergeRequestActions.Published : MergeRequestActions.PublishFailed, origin, failure);
    }

    private void Record(string action, RequestOrigin origin, string? detail)
    {
        if (Audit.Count >= MaxAuditEntries)
        {
            Audit.RemoveAt(1);
        }

        Audit.Add(new MergeRequestAuditEntry(action, origin, detail));
    }
}
