using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrleansPlans.Api;
using OrleansPlans.Api.Endpoints;
using OrleansPlans.Dashboard.Analytics;
using OrleansPlans.Dashboard.Responses;
using OrleansPlans.Domain.Contract;

namespace OrleansPlans.Dashboard.Endpoints;

/// <summary>Handlers of <c>/api/v1/analytics/…</c>: what analysts see in the PostgreSQL tables.</summary>
internal static class AnalyticsEndpoints
{
    /// <summary>How many UTC days, ending today, the plans list sums usage over.</summary>
    public const int RecentDays = 30;

    public static async Task<Results<Ok<PagedResponse<PlanSummaryResponse>>, ValidationProblem>> ListPlansAsync(
        string? search, string? status, string? page, string? pageSize,
        AnalyticsQueries queries, TimeProvider time, IOptionsSnapshot<ApiOptions> options, CancellationToken cancellationToken)
    {
        if (!DashboardQueryValues.Search(search, out var searchText, out var searchError))
        {
            return ApiProblems.Invalid("search", searchError!);
        }

        if (!DashboardQueryValues.Status(status, out var statusText, out var statusError))
        {
            return ApiProblems.Invalid("status", statusError!);
        }

        if (DashboardQueryValues.Page(page, pageSize, options, out var pageError) is not { } request)
        {
            return ApiProblems.Invalid(pageError!.Value.Parameter, pageError.Value.Reason);
        }

        var today = Today(time);
        return TypedResults.Ok(await queries.ListPlansAsync(searchText, statusText, today.AddDays(1 - RecentDays), today, request, cancellationToken));
    }

    public static async Task<Results<Ok<DailyUsageResponse>, ValidationProblem, ProblemHttpResult>> DailyUsageAsync(
        string planId, string? from, string? to,
        AnalyticsQueries queries, TimeProvider time, IOptionsSnapshot<ApiOptions> options, CancellationToken cancellationToken)
    {
        if (Identifier.Check("planId", planId) is { } invalid)
        {
            return ApiProblems.Invalid("planId", invalid);
        }

        if (DashboardQueryValues.Days(from, to, Today(time), options.Value, out var error) is not { } days)
        {
            return ApiProblems.Invalid(error!.Value.Parameter, error.Value.Reason);
        }

        if (await queries.FindPlanAsync(planId, cancellationToken) is not { } plan)
        {
            return PlanNotFound(planId);
        }

        var rows = await queries.DailyUsageAsync(plan.ResolvedPlanId, days.From, days.To, cancellationToken);
        var latest = await queries.LatestUsageDayAsync(plan.ResolvedPlanId, cancellationToken);
        return TypedResults.Ok(new DailyUsageResponse(
            planId, plan.Status, plan.ResolvedPlanId, plan.ResolvedPlanId != planId, days.From, days.To, rows, latest));
    }

    public static async Task<Results<Ok<MonthlyUsageResponse>, ValidationProblem, ProblemHttpResult>> MonthlyUsageAsync(
        string planId, string? from, string? to, AnalyticsQueries queries, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Identifier.Check("planId", planId) is { } invalid)
        {
            return ApiProblems.Invalid("planId", invalid);
        }

        if (DashboardQueryValues.Months(from, to, Today(time), out var error) is not { } months)
        {
            return ApiProblems.Invalid(error!.Value.Parameter, error.Value.Reason);
        }

        if (await queries.FindPlanAsync(planId, cancellationToken) is not { } plan)
        {
            return PlanNotFound(planId);
        }

        // A merged plan's row counts no members: the share is over the survivor's.
        var survivor = plan.ResolvedPlanId == planId ? plan : await queries.FindPlanAsync(plan.ResolvedPlanId, cancellationToken);
        var memberCount = survivor?.MemberCount ?? 0;
        var rows = await queries.MonthlyUsageAsync(plan.ResolvedPlanId, months.From, months.To, memberCount, cancellationToken);
        return TypedResults.Ok(new MonthlyUsageResponse(
            planId, plan.Status, plan.ResolvedPlanId, plan.ResolvedPlanId != planId, months.From, months.To, memberCount, rows));
    }

    public static async Task<Results<Ok<PlanMembersPageResponse>, ValidationProblem, ProblemHttpResult>> MembersAsync(
        string planId, string? page, string? pageSize,
        AnalyticsQueries queries, IOptionsSnapshot<ApiOptions> options, CancellationToken cancellationToken)
    {
        if (Identifier.Check("planId", planId) is { } invalid)
        {
            return ApiProblems.Invalid("planId", invalid);
        }

        if (DashboardQueryValues.Page(page, pageSize, options, out var pageError) is not { } request)
        {
            return ApiProblems.Invalid(pageError!.Value.Parameter, pageError.Value.Reason);
        }

        if (await queries.FindPlanAsync(planId, cancellationToken) is not { } plan)
        {
            return PlanNotFound(planId);
        }

        var (total, members) = await queries.MembersAsync(plan.ResolvedPlanId, request, cancellationToken);
        return TypedResults.Ok(new PlanMembersPageResponse(
            planId, plan.ResolvedPlanId, plan.ResolvedPlanId != planId, request.Page, request.PageSize, total, members));
    }

    public static async Task<Results<Ok<PagedResponse<MergeHistoryResponse>>, ValidationProblem>> MergesAsync(
        string? page, string? pageSize, AnalyticsQueries queries, IOptionsSnapshot<ApiOptions> options, CancellationToken cancellationToken)
    {
        if (DashboardQueryValues.Page(page, pageSize, options, out var pageError) is not { } request)
        {
            return ApiProblems.Invalid(pageError!.Value.Parameter, pageError.Value.Reason);
        }

        return TypedResults.Ok(await queries.MergesAsync(request, cancellationToken));
    }

    public static async Task<Results<Ok<PagedResponse<DeadLetterResponse>>, ValidationProblem>> DeadLettersAsync(
        string? page, string? pageSize, AnalyticsQueries queries, IOptionsSnapshot<ApiOptions> options, CancellationToken cancellationToken)
    {
        if (DashboardQueryValues.Page(page, pageSize, options, out var pageError) is not { } request)
        {
            return ApiProblems.Invalid(pageError!.Value.Parameter, pageError.Value.Reason);
        }

        return TypedResults.Ok(await queries.DeadLettersAsync(request, cancellationToken));
    }

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static ProblemHttpResult PlanNotFound(string planId) =>
        ApiProblems.NotFound("Plan not found", $"No plan '{planId}' in the analytics tables: no valid event has named it (or the sink has not caught up).");
}
