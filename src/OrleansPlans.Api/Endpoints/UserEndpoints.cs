using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansPlans.Api.Responses;
using OrleansPlans.Domain.Contract;
using OrleansPlans.Grains;

namespace OrleansPlans.Api.Endpoints;

/// <summary>Handlers of <c>/api/v1/users/…</c>.</summary>
internal static class UserEndpoints
{
    public static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> GetUserAsync(
        string userId, string? asOf, IGrainFactory grains)
    {
        if (Identifier.Check("userId", userId) is { } invalid)
        {
            return ApiProblems.Invalid("userId", invalid);
        }

        DateTimeOffset? at = null;
        if (!string.IsNullOrEmpty(asOf))
        {
            at = QueryValues.Instant("asOf", asOf, out var error);
            if (at is null)
            {
                return ApiProblems.Invalid("asOf", error!);
            }
        }

        var membership = await grains.GetGrain<IUserGrain>(userId).GetMembershipAsync(at);
        if (membership.MembershipEvents + membership.UsageEvents == 0)
        {
            return ApiProblems.NotFound("User not found", $"No valid event has named user '{userId}'.");
        }

        return TypedResults.Ok(new UserResponse(
            membership.UserId, await SurvivorAsync(grains, membership.CurrentPlanId), membership.MemberSince, at,
            await SurvivorAsync(grains, membership.PlanAtAsOf), membership.MembershipEvents, membership.UsageEvents));
    }

    // A user's timeline keeps the plan ids its events named (a merge rewrites only the timelines it must); the
    // contract reports everything of a merged plan under its survivor, so the answer does too.
    private static async Task<string?> SurvivorAsync(IGrainFactory grains, string? planId) =>
        planId is null ? null : (await grains.GetGrain<IPlanGrain>(planId).GetResolutionAsync()).Root;
}
