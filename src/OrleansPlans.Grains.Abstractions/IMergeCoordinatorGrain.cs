using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Merges;

namespace OrleansPlans.Grains;

/// <summary>
/// Decides every merge, in arrival order, and carries it out. One instance (key 0): merges are rare, and deciding
/// refusals (cycles, second merges of a source) needs one consistent view of the merge forest.
/// </summary>
public interface IMergeCoordinatorGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Decides and carries out a merge; a refusal is dead-lettered. The merge stream calls this; a service that merges
    /// plans publishes the merge event instead (as the API's merge requests do), so that the input holds every merge.
    /// </summary>
    Task<MergeDecision> MergeAsync(Immutable<MergeRequest> request);

    /// <summary>The decision taken for a merge event id, if any.</summary>
    Task<MergeDecision?> GetDecisionAsync(string mergeId);

    /// <summary>Number of merge events decided so far (applied, no-op or refused).</summary>
    Task<int> GetDecisionCountAsync();

    /// <summary>
    /// What merging <paramref name="sourcePlanId"/> into <paramref name="targetPlanId"/> would do if the event arrived
    /// now: the verdict by the same rules as <see cref="MergeAsync"/>, and the survivor's figures afterwards. Changes
    /// nothing. Taken in turn with merges, so it never sees one half carried out.
    /// </summary>
    Task<MergePreview> PreviewAsync(string sourcePlanId, string targetPlanId);
}
