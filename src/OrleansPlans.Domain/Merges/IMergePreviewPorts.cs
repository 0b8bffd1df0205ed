using OrleansPlans.Domain.Plans;
using OrleansPlans.Domain.Users;

namespace OrleansPlans.Domain.Merges;

/// <summary>What previewing a merge needs from the rest of the system: the read-only twins of <see cref="IMergePorts"/>.</summary>
public interface IMergePreviewPorts
{
    /// <summary>What the (surviving) source plan would hand off now (<see cref="PlanLedger.PreviewHandOff"/>).</summary>
    Task<PlanHandOff> PreviewHandOffAsync(string sourcePlanId);

    /// <summary>What the survivor would make of <paramref name="handOff"/> (<see cref="PlanLedger.PreviewAbsorb"/>).</summary>
    Task<AbsorbPreview> PreviewAbsorbAsync(string survivorPlanId, PlanHandOff handOff, long version);

    /// <summary>The delta a user would send when reconciling with <paramref name="survivorAliases"/> (<see cref="UserTimeline.PreviewReconcile"/>).</summary>
    Task<UserDelta> PreviewReconcileAsync(string userId, IReadOnlyDictionary<string, PlanResolution> survivorAliases);
}
