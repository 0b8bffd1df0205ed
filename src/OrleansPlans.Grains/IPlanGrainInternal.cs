using OrleansPlans.Domain.Plans;
using OrleansPlans.Domain.Users;

namespace OrleansPlans.Grains;

/// <summary>
/// The calls other grains make on a plan: users register and send deltas, the merge coordinator merges and previews.
/// Internal because a service making them would break the exactness protocol (sequence numbers, merge versions);
/// services read a plan through <see cref="IPlanGrain"/>.
/// </summary>
internal interface IPlanGrainInternal : IGrainWithStringKey
{
    /// <summary>
    /// Registers a user naming <paramref name="askedPlanId"/> and answers where it resolves. Merged plans forward
    /// to their survivor, passing the newest merge version seen so far in <paramref name="forwardedVersion"/>.
    /// </summary>
    Task<Registration> RegisterAsync(string askedPlanId, string userId, long forwardedVersion);

    /// <summary>Applies a user's delta (forwarded to the survivor when this plan was merged).</summary>
    Task ApplyAsync(Immutable<PlanDeltaMessage> message);

    /// <summary>Records that a valid event named this plan.</summary>
    Task MarkNamedAsync();

    /// <summary>Merges this plan into <paramref name="survivor"/>: hands everything over and becomes a pointer.</summary>
    Task<MergeMove> MergeIntoAsync(string mergeId, PlanResolution survivor);

    /// <summary>Absorbs a merged plan's hand-off.</summary>
    Task<MergeMove> AbsorbAsync(Immutable<PlanHandOff> handOff, long version);

    /// <summary>Points this merged plan at a newer survivor.</summary>
    Task RetargetAsync(PlanResolution survivor);

    /// <summary>What this (surviving) plan would hand off if merged away now; changes nothing.</summary>
    Task<PlanHandOff> PreviewHandOffAsync(string mergeId);

    /// <summary>What this (surviving) plan would make of absorbing <paramref name="handOff"/>; changes nothing.</summary>
    Task<AbsorbPreview> PreviewAbsorbAsync(Immutable<PlanHandOff> handOff, long version);
}
