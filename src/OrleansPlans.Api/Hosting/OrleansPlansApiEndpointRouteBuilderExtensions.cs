using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrleansPlans.Api.Authentication;
using OrleansPlans.Api.Diagnostics;
using OrleansPlans.Api.Endpoints;

namespace OrleansPlans.Api.Hosting;

/// <summary>Maps the plan-analytics HTTP API.</summary>
public static class OrleansPlansApiEndpointRouteBuilderExtensions
{
    /// <summary>The OpenAPI document's name; it is served at <c>/openapi/v1.json</c>.</summary>
    public const string OpenApiDocumentName = "v1";

    /// <summary>The prefix of every endpoint: <c>/api/v1</c>.</summary>
    public const string RoutePrefix = "/api/v1";

    /// <summary>
    /// Maps the read endpoints (policy <see cref="ApiPolicies.AnalyticsRead"/>) and operator endpoints (policy
    /// <see cref="ApiPolicies.Operator"/>) under <see cref="RoutePrefix"/>, and the OpenAPI document at
    /// <c>/openapi/v1.json</c> (open to all). Needs <see cref="OrleansPlansApiServiceCollectionExtensions.AddOrleansPlansApi"/>.
    /// </summary>
    /// <returns>The <c>/api/v1</c> group, for the host's own conventions (rate limits, CORS, …).</returns>
    public static RouteGroupBuilder MapOrleansPlansApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapOpenApi("/openapi/{documentName}.json");
        var api = endpoints.MapGroup(RoutePrefix).WithTags("OrleansPlans").WithOutageAndClientErrorHandling();

        var reads = api.MapGroup("").RequireAuthorization(ApiPolicies.AnalyticsRead).ProducesProblem(StatusCodes.Status404NotFound);
        reads.MapGet("/plans/{planId}", PlanEndpoints.GetPlanAsync)
            .WithName("GetPlan")
            .WithSummary("A plan's status, the plan it resolves to and its member count.");
        reads.MapGet("/plans/{planId}/members", PlanEndpoints.GetMembersAsync)
            .WithName("GetPlanMembers")
            .WithSummary("A page of a plan's open memberships, ordered by user id; a merged plan's survivor is listed (resolvedFromMerge).")
            .WithDescription("Query: page (from 1, default 1), pageSize (1 to Api:MaxPageSize, default Api:DefaultPageSize).");
        reads.MapGet("/plans/{planId}/usage", PlanEndpoints.GetUsageAsync)
            .WithName("GetPlanUsage")
            .WithSummary("A plan's hourly, daily or monthly usage whose bucket start lies in [from, to); a merged plan's survivor is shown.")
            .WithDescription("Query: granularity (hourly, daily or monthly, default daily; monthly buckets start on the first of the month and share the daily range limit), from and to (required; RFC 3339 with offset, or yyyy-MM-dd "
                + "meaning midnight UTC); the range may not exceed Api:MaxHourlyUsageRange or Api:MaxDailyUsageRange.");
        reads.MapGet("/users/{userId}", UserEndpoints.GetUserAsync)
            .WithName("GetUser")
            .WithSummary("A user's current plan and member-since, and the plan at asOf when given.")
            .WithDescription("Query: asOf (optional; RFC 3339 with offset, or yyyy-MM-dd meaning midnight UTC).");

        var operators = api.MapGroup("").RequireAuthorization(ApiPolicies.Operator)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        operators.MapGet("/merges/{mergeId}", MergeEndpoints.GetDecisionAsync)
            .WithName("GetMergeDecision")
            .WithSummary("What became of a merge event: applied, no_op or refused with the reason (operator key required).")
            .WithDescription("Any merge event of the plan-merges topic, whoever published it; an operator request's event id is 'op:' + requestId.");
        operators.MapPost("/merges", MergeRequestEndpoints.PostAsync)
            .WithName("RequestMerge")
            .WithSummary("Requests a merge: publishes a plan-merges event (id 'op:' + requestId), idempotent by requestId (operator key required).")
            .WithDescription("Body: requestId, sourcePlanId, targetPlanId (identifiers; requestId at most 125 characters), requestedBy (optional, "
                + "default the caller's key name), occurredAt (optional RFC 3339 with offset, default now). 202 with Location when the event was "
                + "published by this call; 200 with the current status for a repeat of the same request; 409 when the requestId was used for "
                + "other plans; 503 when publishing failed (retry with the same requestId); 400 on bad fields or when source equals target.")
            .DocumentsJsonBody<MergeRequestBody>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        operators.MapGet("/merges/requests", MergeRequestEndpoints.ListAsync)
            .WithName("ListMergeRequests")
            .WithSummary("The audit trail: operator merge requests newest first, with status, who, when and from where (operator key required).")
            .WithDescription("Query: page (from 1, default 1), pageSize (1 to Api:MaxPageSize, default 50).");
        operators.MapGet("/merges/requests/{requestId}", MergeRequestEndpoints.GetAsync)
            .WithName("GetMergeRequest")
            .WithSummary("An operator merge request: pending, applied, no_op or refused with the reason, and its audit fields (operator key required).");
        operators.MapPost("/merges/preview", MergePreviewEndpoints.PreviewAsync)
            .WithName("PreviewMerge")
            .WithSummary("What merging sourcePlanId into targetPlanId would do now: verdict, survivor, members, daily and content usage. Changes nothing.")
            .WithDescription("Body: sourcePlanId, targetPlanId. Plans nothing has named are empty, never 404. Members: the first 100 by user id; "
                + "content usage: the 20 contents with the most seconds; figures are exact (users on both sides are re-evaluated as the merge would).")
            .DocumentsJsonBody<MergePreviewBody>();
        return api;
    }
}
