using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrleansPlans.Api.Responses;
using OrleansPlans.Domain.Contract;
using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Api.Endpoints;

/// <summary>Handlers of <c>/api/v1/plans/…</c>.</summary>
internal static class PlanEndpoints
{
    public static async Task<Results<Ok<PlanResponse>, ValidationProblem, ProblemHttpResult>> GetPlanAsync(
        string planId, IGrainFactory grains)
    {
        if (Identifier.Check("planId", planId) is { } invalid)
        {
            return ApiProblems.Invalid("planId", invalid);
        }

        if (await PlanReader.ReadAsync(grains, planId) is not { } view)
        {
            return PlanNotFound(planId);
        }

        var plan = view.Plan;
        return TypedResults.Ok(new PlanResponse(plan.PlanId, plan.Status, plan.MergedInto, view.ResolvedPlanId, plan.MemberCount));
    }

    public static async Task<Results<Ok<PlanMembersResponse>, ValidationProblem, ProblemHttpResult>> GetMembersAsync(
        string planId, string? page, string? pageSize, IGrainFactory grains, IOptionsSnapshot<ApiOptions> options)
    {
        var settings = options.Value;
        if (Identifier.Check("planId", planId) is { } invalid)
        {
            return ApiProblems.Invalid("planId", invalid);
        }

        if (QueryValues.Page(page, pageSize, settings.DefaultPageSize, settings.MaxPageSize, out var pageError) is not var (pageNumber, size))
        {
            return ApiProblems.Invalid(pageError!.Value.Parameter, pageError.Value.Reason);
        }

        if (await PlanReader.ReadAsync(grains, planId) is not { } view)
        {
            return PlanNotFound(planId);
        }

        var members = view.ResolvedRows.OfType<PlanMemberRow>().OrderBy(m => m.UserId, StringComparer.Ordinal).ToList();
        var skip = (long)(pageNumber - 1) * size;
        var pageRows = skip >= members.Count ? [] : members.Skip((int)skip).Take(size)
            .Select(m => new PlanMemberResponse(m.UserId, UtcInstants.Of(m.MemberSince))).ToList();
        return TypedResults.Ok(new PlanMembersResponse(
            planId, view.ResolvedPlanId, view.ResolvedFromMerge, pageNumber, size, members.Count, pageRows));
    }

    public static async Task<Results<Ok<PlanUsageResponse>, ValidationProblem, ProblemHttpResult>> GetUsageAsync(
        string planId, string? granularity, string? from, string? to, IGrainFactory grains, IOptionsSnapshot<ApiOptions> options)
    {
        if (Identifier.Check("planId", planId) is { } invalid)
        {
            return ApiProblems.Invalid("planId", invalid);
        }

        if (UsageQuery.Parse(granularity, from, to, options.Value, out var error) is not { } query)
        {
            return ApiProblems.Invalid(error!.Value.Parameter, error.Value.Reason);
        }

        if (await PlanReader.ReadAsync(grains, planId) is not { } view)
        {
            return PlanNotFound(planId);
        }

        return TypedResults.Ok(new PlanUsageResponse(
            planId, view.ResolvedPlanId, view.ResolvedFromMerge, query.Granularity, query.From, query.To, query.Select(view.ResolvedRows)));
    }

    private static ProblemHttpResult PlanNotFound(string planId) =>
        ApiProblems.NotFound("Plan not found", $"No valid event has named plan '{planId}'.");
}
