using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Plans;

namespace OrleansPlans.Domain.Merges;

/// <summary>What carrying out a merge needs from the rest of the system.</summary>
public interface IMergePorts
{
    /// <summary>Records that a valid event named <paramref name="planId"/>.</summary>
    Task MarkNamedAsync(string planId);

    /// <summary>
    /// Hands the source plan's state to the survivor and returns the users to reconcile with the survivor's aliases.
    /// Must be idempotent for the same merge id.
    /// </summary>
    Task<MergeMove> MoveAsync(string sourcePlanId, string mergeId, PlanResolution survivor);

    /// <summary>Points a plan that was already merged into the source at the new survivor.</summary>
    Task RetargetAsync(string planId, PlanResolution survivor);

    /// <summary>Tells a user where every plan id of the survivor's group resolves now.</summary>
    Task ReconcileUserAsync(string userId, IReadOnlyDictionary<string, PlanResolution> survivorAliases);

    /// <summary>Dead-letters a refused merge at its source position.</summary>
    Task DeadLetterAsync(MergeRequest request, string reason);
}
