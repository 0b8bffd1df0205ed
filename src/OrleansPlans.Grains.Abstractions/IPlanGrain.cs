using OrleansPlans.Domain.Plans;
using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Grains;

/// <summary>
/// One plan id, as services read it: the totals of a surviving plan, or the pointer of a merged one. Keyed by plan id.
/// Users' deltas and merges reach a plan through calls between grains only.
/// </summary>
public interface IPlanGrain : IGrainWithStringKey
{
    /// <summary>The plan's current rows in every table.</summary>
    Task<IReadOnlyList<OutputRow>> GetRowsAsync();

    /// <summary>Where this plan resolves (itself while it survives).</summary>
    Task<PlanResolution> GetResolutionAsync();
}
