using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrleansPlans.Api.Authentication;
using OrleansPlans.Api.Diagnostics;
using OrleansPlans.Dashboard.Endpoints;
using OrleansPlans.Dashboard.Page;

namespace OrleansPlans.Dashboard.Hosting;

/// <summary>Maps the dashboard: the page and the endpoints it reads.</summary>
public static class OrleansPlansDashboardEndpointRouteBuilderExtensions
{
    /// <summary>The prefix of the analytics reads: <c>/api/v1/analytics</c>.</summary>
    public const string AnalyticsPrefix = "/api/v1/analytics";

    /// <summary>
    /// Maps the page at <c>/</c> and <c>/dashboard</c> (its script and styles under <c>/dashboard/</c>; open to all, it
    /// holds no data) and the reads it makes, under the <see cref="ApiPolicies.AnalyticsRead"/> policy:
    /// <c>/api/v1/analytics/plans</c>, <c>…/plans/{planId}/daily</c>, <c>…/plans/{planId}/monthly</c>, <c>…/plans/{planId}/members</c>, <c>…/merges</c>,
    /// <c>…/dead-letters</c>, and <c>/api/v1/status</c> (the pipeline's health and lag). Needs <see cref="OrleansPlansDashboardServiceCollectionExtensions.AddOrleansPlansDashboard"/>.
    /// </summary>
    /// <returns>The <c>/api/v1/analytics</c> group, for the host's own conventions (rate limits, CORS, …).</returns>
    public static RouteGroupBuilder MapOrleansPlansDashboard(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        MapPage(endpoints);

        var analytics = endpoints.MapGroup(AnalyticsPrefix).WithTags("Dashboard")
            .WithOutageAndClientErrorHandling()
            .RequireAuthorization(ApiPolicies.AnalyticsRead)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        analytics.MapGet("/plans", AnalyticsEndpoints.ListPlansAsync)
            .WithName("ListAnalyticsPlans")
            .WithSummary("A page of plans by id with their usage in the last 30 UTC days (today included).")
            .WithDescription("Query: search (part of a plan id, case-insensitive), status (active or merged), page (from 1), pageSize (1 to Api:MaxPageSize).");
        analytics.MapGet("/plans/{planId}/daily", AnalyticsEndpoints.DailyUsageAsync)
            .WithName("GetAnalyticsPlanDailyUsage")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A plan's plan_usage_daily rows with day in [from, to); a merged plan shows its survivor's (resolvedPlanId).")
            .WithDescription("Query: from, to (yyyy-MM-dd, UTC; default the 30 days ending today), at most Api:MaxDailyUsageRange apart.");
        analytics.MapGet("/plans/{planId}/monthly", AnalyticsEndpoints.MonthlyUsageAsync)
            .WithName("GetAnalyticsPlanMonthlyUsage")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A plan's plan_usage_monthly rows (monthly active users) with month in [from, to), each with activeShare = activeUsers / the plan's members now; a merged plan shows its survivor's.")
            .WithDescription("Query: from, to (yyyy-MM, UTC; default the 12 months ending this month), at most 120 months apart.");
        analytics.MapGet("/plans/{planId}/members", AnalyticsEndpoints.MembersAsync)
            .WithName("GetAnalyticsPlanMembers")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A page of a plan's open memberships by user id; a merged plan lists its survivor's (resolvedPlanId).");
        analytics.MapGet("/merges", AnalyticsEndpoints.MergesAsync)
            .WithName("ListAnalyticsMerges")
            .WithSummary("A page of the merge history: each merged plan and the plan it resolves to now.");
        analytics.MapGet("/dead-letters", AnalyticsEndpoints.DeadLettersAsync)
            .WithName("ListAnalyticsDeadLetters")
            .WithSummary("A page of dead-lettered input records, newest first (reason and source position; not the raw value).");

        endpoints.MapGroup("").WithOutageAndClientErrorHandling().MapGet("/api/v1/status", StatusEndpoints.GetStatusAsync)
            .WithTags("Dashboard")
            .RequireAuthorization(ApiPolicies.AnalyticsRead)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithName("GetPipelineStatus")
            .WithSummary("The pipeline's health: Kafka and PostgreSQL reachability, input and sink lag per partition, silos, dead letters.");
        return analytics;
    }

    private static void MapPage(IEndpointRouteBuilder endpoints)
    {
        var page = endpoints.MapGroup("").ExcludeFromDescription().AllowAnonymous();
        page.MapGet("/", PageEndpoints.Serve(DashboardAssets.Html));
        page.MapGet("/dashboard", PageEndpoints.Serve(DashboardAssets.Html));
        page.MapGet($"/dashboard/{DashboardAssets.Script}", PageEndpoints.Serve(DashboardAssets.Script));
        page.MapGet($"/dashboard/{DashboardAssets.Styles}", PageEndpoints.Serve(DashboardAssets.Styles));
    }
}
