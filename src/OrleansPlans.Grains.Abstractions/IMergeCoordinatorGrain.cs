using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Merges;

namespace OrleansPlans.Grains;

/// <summary>
/// Decides every merge, in arrival order, and carries it out. One instance (key 0): merges are rare, and deciding
/// refusals (cycles, second merges of a source) needs one consistent view of the merge forest.
/// </summary>
public interface IMergeCoordinatorGrain : IGrainWithIntegerKey
{
    /// <summary>Decides and carries out a merge; a refusal is dead-lettered.</summary>
    Task<MergeDecision> MergeAsync(Immutable<MergeRequest> request);

    /// <summary>The decision taken for a merge event id, if any.</summary>
    Task<MergeDecision?> GetDecisionAsync(string mergeId);

    /// <summary>Number of merge events decided so far (applied, no-op or refused).</summary>
    Task<int> GetDecisionCountAsync();
}
