using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansPlans.Api.Responses;
using OrleansPlans.Domain.Contract;
using OrleansPlans.Domain.Merges;
using OrleansPlans.Grains;

namespace OrleansPlans.Api.Endpoints;

/// <summary>Handler of <c>POST /merges/preview</c>: what a merge would do now, changing nothing.</summary>
internal static class MergePreviewEndpoints
{
    /// <summary>Members listed in a preview.</summary>
    public const int MemberLimit = 100;

    /// <summary>Contents listed in a preview.</summary>
    public const int ContentLimit = 20;

    private static readonly string[] BodyFields = ["sourcePlanId", "targetPlanId"];

    public static async Task<Results<Ok<MergePreviewResponse>, ValidationProblem>> PreviewAsync(HttpContext http, IGrainFactory grains)
    {
        var (fields, bodyError) = await JsonFields.ReadAsync(http.Request, BodyFields);
        if (bodyError is { } invalidBody)
        {
            return ApiProblems.Invalid(invalidBody.Field, invalidBody.Reason);
        }

        foreach (var field in BodyFields)
        {
            var reason = fields![field] is { } value ? Identifier.Check(field, value) : $"field '{field}' is missing";
            if (reason is not null)
            {
                return ApiProblems.Invalid(field, reason);
            }
        }

        var (source, target) = (fields!["sourcePlanId"]!, fields["targetPlanId"]!);
        if (source == target)
        {
            return ApiProblems.Invalid("targetPlanId", $"fields 'sourcePlanId' and 'targetPlanId' are both '{source}'; a plan cannot be merged into itself");
        }

        var preview = await grains.GetGrain<IMergeCoordinatorGrain>(0).PreviewAsync(source, target);
        return TypedResults.Ok(new MergePreviewResponse(
            VerdictName(preview.Decision.Verdict),
            preview.Decision.Reason,
            preview.Decision.Survivor,
            preview.MemberCount,
            preview.Members(MemberLimit).Select(m => new MergePreviewMemberResponse(m.UserId, UtcInstants.Of(m.MemberSince), m.FromPlanId)).ToList(),
            preview.DailyUsage().Select(d => new MergePreviewDayResponse(d.Day, d.Seconds, d.Events, d.ActiveUsers)).ToList(),
            preview.TopContent(ContentLimit).Select(c => new MergePreviewContentResponse(c.ContentId, c.Seconds, c.Events)).ToList()));
    }

    private static string VerdictName(MergeVerdict verdict) => verdict switch
    {
        MergeVerdict.Applied => "would_apply",
        MergeVerdict.NoOp => "no_op",
        MergeVerdict.Refused => "refused",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "unknown merge verdict"),
    };
}
