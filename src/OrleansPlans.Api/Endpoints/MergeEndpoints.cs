using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansPlans.Api.Responses;
using OrleansPlans.Domain.Contract;
using OrleansPlans.Domain.Merges;
using OrleansPlans.Grains;

namespace OrleansPlans.Api.Endpoints;

/// <summary>Handlers of <c>/api/v1/merges/…</c> (operator only).</summary>
internal static class MergeEndpoints
{
    public static async Task<Results<Ok<MergeDecisionResponse>, ValidationProblem, ProblemHttpResult>> GetDecisionAsync(
        string mergeId, IGrainFactory grains)
    {
        if (Identifier.Check("mergeId", mergeId) is { } invalid)
        {
            return ApiProblems.Invalid("mergeId", invalid);
        }

        if (await grains.GetGrain<IMergeCoordinatorGrain>(0).GetDecisionAsync(mergeId) is not { } decision)
        {
            return ApiProblems.NotFound("Merge not found", $"No merge event with id '{mergeId}' has been decided.");
        }

        return TypedResults.Ok(new MergeDecisionResponse(
            decision.MergeId, VerdictName(decision.Verdict), decision.SourcePlanId, decision.TargetPlanId,
            decision.Survivor, decision.Reason, decision.Completed));
    }

    private static string VerdictName(MergeVerdict verdict) => verdict switch
    {
        MergeVerdict.Applied => "applied",
        MergeVerdict.NoOp => "no_op",
        MergeVerdict.Refused => "refused",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "unknown merge verdict"),
    };
}
