namespace OrleansPlans.Domain.Merges;

/// <summary>
/// The merge forest's decision on one merge event. For an applied merge it says where the source's group goes
/// (<see cref="Survivor"/>, at merge <see cref="Version"/>) and which plan ids move (<see cref="MovedPlans"/>: the
/// source and every plan already merged into it).
/// </summary>
public sealed record MergeDecision(
    string MergeId,
    MergeVerdict Verdict,
    string SourcePlanId,
    string TargetPlanId,
    string? Reason,
    string? Survivor,
    long Version,
    IReadOnlyList<string> MovedPlans)
{
    /// <summary>Whether every step of carrying the merge out has completed (it is replayed until then).</summary>
    public bool Completed { get; set; }

    /// <summary>
    /// For a refusal, the source position it was dead-lettered at. The same record redelivered (same position) is
    /// dead-lettered again, idempotently; a copy at another position is a duplicate eventId and is ignored.
    /// </summary>
    public string? RefusedAt { get; set; }

    /// <summary>When the coordinator took the decision; null for decisions recorded before this was kept.</summary>
    public DateTimeOffset? DecidedAt { get; set; }
}
