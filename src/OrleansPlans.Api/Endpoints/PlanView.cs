using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Api.Endpoints;

/// <summary>A plan's <c>plans</c> row, and the rows of the plan it resolves to (its own while it survives).</summary>
internal sealed record PlanView(PlanRow Plan, string ResolvedPlanId, IReadOnlyList<OutputRow> ResolvedRows)
{
    public bool ResolvedFromMerge => ResolvedPlanId != Plan.PlanId;
}
