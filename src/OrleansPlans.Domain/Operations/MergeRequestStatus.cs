using OrleansPlans.Domain.Merges;

namespace OrleansPlans.Domain.Operations;

/// <summary>The status of an operator merge request, read from the coordinator's decision for its merge event.</summary>
/// <param name="Status"><see cref="Pending"/>, <see cref="Applied"/>, <see cref="NoOp"/> or <see cref="Refused"/>.</param>
/// <param name="Reason">Why the merge was refused; null otherwise.</param>
/// <param name="Survivor">Where the source's group went (applied, no-op); null while pending or when refused.</param>
/// <param name="DecidedAt">When the coordinator decided; null while pending.</param>
public sealed record MergeRequestStatus(string Status, string? Reason, string? Survivor, DateTimeOffset? DecidedAt)
{
    /// <summary>Not decided yet, or applied but not yet carried out to the end.</summary>
    public const string Pending = "pending";

    /// <summary>Applied and carried out.</summary>
    public const string Applied = "applied";

    /// <summary>The same merge had already been applied.</summary>
    public const string NoOp = "no_op";

    /// <summary>Refused by contract rule 3 (the reason says which).</summary>
    public const string Refused = "refused";

    /// <summary>The status for <paramref name="decision"/> (null when the coordinator has not decided the event).</summary>
    public static MergeRequestStatus Of(MergeDecision? decision) => decision switch
    {
        null => new MergeRequestStatus(Pending, null, null, null),

        // An applied merge counts once its plans and users have all moved: until then reads may still see the old plans.
        { Verdict: MergeVerdict.Applied, Completed: false } => new MergeRequestStatus(Pending, null, null, null),
        { Verdict: MergeVerdict.Applied } => new MergeRequestStatus(Applied, null, decision.Survivor, decision.DecidedAt),
        { Verdict: MergeVerdict.NoOp } => new MergeRequestStatus(NoOp, null, decision.Survivor, decision.DecidedAt),
        { Verdict: MergeVerdict.Refused } => new MergeRequestStatus(Refused, decision.Reason, null, decision.DecidedAt),
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision.Verdict, "unknown merge verdict"),
    };
}
