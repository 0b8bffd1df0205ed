namespace OrleansPlans.Domain.Plans;

/// <summary>
/// The surviving plan a plan id resolves to, tagged with the merge version that made it so. Resolutions only move
/// forward along merge chains, so the higher version always wins when two views meet.
/// </summary>
public readonly record struct PlanResolution(string Root, long Version)
{
    /// <summary>A plan that has not been merged resolves to itself at version 0.</summary>
    public static PlanResolution Self(string planId) => new(planId, 0);
}
