namespace OrleansPlans.Api.Responses;

/// <summary>What became of a merge event (operator view).</summary>
/// <param name="MergeId">The merge's event id.</param>
/// <param name="Verdict"><c>applied</c>, <c>no_op</c> (a repeat of an applied merge) or <c>refused</c>.</param>
/// <param name="SourcePlanId">The plan asked to cease.</param>
/// <param name="TargetPlanId">The plan asked to absorb it.</param>
/// <param name="Survivor">Where the source's group went, for an applied merge.</param>
/// <param name="Reason">Why a merge was refused.</param>
/// <param name="Completed">Whether every step of carrying the merge out has completed.</param>
public sealed record MergeDecisionResponse(
    string MergeId,
    string Verdict,
    string SourcePlanId,
    string TargetPlanId,
    string? Survivor,
    string? Reason,
    bool Completed);
