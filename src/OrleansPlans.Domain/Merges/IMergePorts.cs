using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Plans;

namespace OrleansPlans.Domain.Merges;

/// <summary>What carrying out a merge needs from the rest of the system.</summary>
public interface IMergePorts
{
    /// <summary>Records that a valid event named <paramref name="planId"/>.</summary>
    Task MarkNamedAsync(string planId);

    /// <summary>
    /// Hands the source plan's state to the survivor and returns the users who named plans on both sides.
    /// Must be idempotent for the same merge id.
    /// </summary>
    Task<IReadOnlyList<string>> MoveAsync(string sourcePlanId, string mergeId, PlanResolution survivor);

    /// <summary>Points a plan that was already merged into the source at the new survivor.</summary>
    Task RetargetAsync(string planId, PlanResolution survivor);

    /// <summary>Tells a user that <paramref name="movedPlans"/> now resolve to <paramref name="survivor"/>.</summary>
    Task ReconcileUserAsync(string userId, IReadOnlyList<string> movedPlans, PlanResolution survivor);

    /// <summary>Dead-letters a refused merge at its source position.</summary>
    Task DeadLetterAsync(MergeRequest request, string reason);
}
