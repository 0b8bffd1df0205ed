using OrleansPlans.Domain.Rows;
using OrleansPlans.Grains;

namespace OrleansPlans.Api.Endpoints;

/// <summary>Reads a plan through its grain, following a merge to the survivor.</summary>
internal static class PlanReader
{
    /// <summary>Null when no valid event named the plan (its grain has no <c>plans</c> row).</summary>
    public static async Task<PlanView?> ReadAsync(IGrainFactory grains, string planId)
    {
        var grain = grains.GetGrain<IPlanGrain>(planId);
        var rows = await grain.GetRowsAsync();
        var plan = rows.OfType<PlanRow>().FirstOrDefault();
        if (plan is null)
        {
            return null;
        }

        if (plan.Status != PlanRow.Merged)
        {
            return new PlanView(plan, planId, rows);
        }

        // A merged plan keeps only its pointer row; what was its own is reported under the survivor.
        var survivor = (await grain.GetResolutionAsync()).Root;
        return new PlanView(plan, survivor, await grains.GetGrain<IPlanGrain>(survivor).GetRowsAsync());
    }
}
