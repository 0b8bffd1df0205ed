using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansPlans.Api.Publishing;
using OrleansPlans.Api.Responses;
using OrleansPlans.Domain.Contract;
using OrleansPlans.Domain.Operations;
using OrleansPlans.Grains;

namespace OrleansPlans.Api.Endpoints;

/// <summary>Handlers of the operator merge requests: <c>POST /merges</c> and <c>/merges/requests…</c>.</summary>
internal static class MergeRequestEndpoints
{
    private static readonly string[] BodyFields = ["requestId", "sourcePlanId", "targetPlanId", "requestedBy", "occurredAt"];

    public static async Task<Results<Accepted<MergeRequestResponse>, Ok<MergeRequestResponse>, ValidationProblem, ProblemHttpResult>> PostAsync(
        HttpContext http, IGrainFactory grains, TimeProvider time, ILoggerFactory loggers)
    {
        var (fields, bodyError) = await JsonFields.ReadAsync(http.Request, BodyFields);
        if (bodyError is { } invalidBody)
        {
            return ApiProblems.Invalid(invalidBody.Field, invalidBody.Reason);
        }

        var caller = http.User.Identity?.Name ?? "unknown";
        var now = time.GetUtcNow();
        var request = OperatorMergeRequest.Validate(
            fields!["requestId"], fields["sourcePlanId"], fields["targetPlanId"], fields["requestedBy"], fields["occurredAt"], caller, now, out var error);
        if (request is null)
        {
            return ApiProblems.Invalid(error!.Value.Field, error.Value.Reason);
        }

        var logger = loggers.CreateLogger(typeof(MergeRequestEndpoints).FullName!);
        var origin = new RequestOrigin(caller, now, http.Connection.RemoteIpAddress?.ToString(), UserAgentOf(http));
        var grain = grains.GetGrain<IMergeRequestGrain>(request.RequestId);
        var admission = await grain.AdmitAsync(request, origin);
        ApiLog.MergeRequested(logger, request.RequestId, admission.Outcome, request.SourcePlanId, request.TargetPlanId, caller, origin.RemoteAddress);
        var record = admission.Record;
        if (admission.Outcome == MergeRequestAdmission.Conflict)
        {
            var first = record.Request;
            return TypedResults.Problem(
                detail: $"Request id '{request.RequestId}' was already used to merge '{first.SourcePlanId}' into '{first.TargetPlanId}'; "
                    + $"it cannot now merge '{request.SourcePlanId}' into '{request.TargetPlanId}'. Use a new request id.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Request id already used for another merge");
        }

        var publishedNow = false;
        if (admission.NeedsPublishing)
        {
            var failure = await PublishAsync(http, record, logger);
            record = await grain.RecordPublishAsync(origin, failure);
            if (failure is not null)
            {
                return TypedResults.Problem(
                    detail: $"The merge event '{record.Request.MergeEventId}' could not be published: {failure}. Nothing was merged; "
                        + "send the same request again (same requestId) to retry.",
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "Merge event not published");
            }

            publishedNow = true;
        }

        var response = await ResponseAsync(grains, record);
        return publishedNow
            ? TypedResults.Accepted($"/api/v1/merges/requests/{Uri.EscapeDataString(record.Request.RequestId)}", response)
            : TypedResults.Ok(response);
    }

    public static async Task<Results<Ok<MergeRequestResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(string requestId, IGrainFactory grains)
    {
        if (Identifier.Check("requestId", requestId) is { } invalid)
        {
            return ApiProblems.Invalid("requestId", invalid);
        }

        if (await grains.GetGrain<IMergeRequestGrain>(requestId).GetAsync() is not { } record)
        {
            return ApiProblems.NotFound("Merge request not found", $"No merge request with id '{requestId}' has been made.");
        }

        return TypedResults.Ok(await ResponseAsync(grains, record));
    }

    public static async Task<Results<Ok<MergeRequestListResponse>, ValidationProblem>> ListAsync(
        string? page, string? pageSize, IGrainFactory grains, IOptionsSnapshot<ApiOptions> options)
    {
        if (QueryValues.Page(page, pageSize, DefaultListPageSize(options.Value), options.Value.MaxPageSize, out var pageError) is not var (pageNumber, size))
        {
            return ApiProblems.Invalid(pageError!.Value.Parameter, pageError.Value.Reason);
        }

        var listed = await grains.GetGrain<IMergeAuditLogGrain>(0).GetPageAsync(pageNumber, size);
        var records = await Task.WhenAll(listed.RequestIds.Select(id => grains.GetGrain<IMergeRequestGrain>(id).GetAsync()));

        // An id listed by a call that crashed before storing its request has no record: skip it.
        var items = await Task.WhenAll(records.OfType<MergeRequestRecord>().Select(r => ResponseAsync(grains, r)));
        return TypedResults.Ok(new MergeRequestListResponse(pageNumber, size, listed.Total, items));
    }

    /// <summary>The audit list's default page size: 50, or less when <see cref="ApiOptions.MaxPageSize"/> is smaller.</summary>
    private static int DefaultListPageSize(ApiOptions options) => Math.Min(50, options.MaxPageSize);

    // Returns null when published, otherwise why not.
    private static async Task<string?> PublishAsync(HttpContext http, MergeRequestRecord record, ILogger logger)
    {
        if (http.RequestServices.GetService<IMergeEventPublisher>() is not { } publisher)
        {
            return "no merge event publisher is configured on this host";
        }

        try
        {
            await publisher.PublishAsync(record.Request.ToEvent(), http.RequestAborted);
            return null;
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            ApiLog.MergePublishFailed(logger, record.Request.RequestId, record.Request.MergeEventId, e);
            return e.Message;
        }
    }

    private static async Task<MergeRequestResponse> ResponseAsync(IGrainFactory grains, MergeRequestRecord record)
    {
        var request = record.Request;
        var status = MergeRequestStatus.Of(await grains.GetGrain<IMergeCoordinatorGrain>(0).GetDecisionAsync(request.MergeEventId));
        return new MergeRequestResponse(
            request.RequestId, request.MergeEventId, request.SourcePlanId, request.TargetPlanId, status.Status, status.Reason,
            status.Survivor, request.RequestedBy, record.Origin.At, record.Origin.RemoteAddress, record.Origin.UserAgent, status.DecidedAt);
    }

    private static string? UserAgentOf(HttpContext http)
    {
        var agent = http.Request.Headers.UserAgent.ToString();

        // Kept in the audit trail: bounded, so a client cannot make the record arbitrarily large.
        return agent.Length == 0 ? null : agent.Length <= 512 ? agent : agent[..512];
    }
}
