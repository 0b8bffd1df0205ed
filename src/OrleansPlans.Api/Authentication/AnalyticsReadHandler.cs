using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace OrleansPlans.Api.Authentication;

/// <summary>
/// Reads are open unless <see cref="ApiOptions.RequireAuthForReads"/> is set; then a key with the
/// <see cref="ApiRoles.AnalyticsReader"/> role is needed. Decided per request, so a reloaded flag applies at once.
/// </summary>
internal sealed class AnalyticsReadHandler(IOptionsMonitor<ApiOptions> options) : AuthorizationHandler<AnalyticsReadRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AnalyticsReadRequirement requirement)
    {
        if (!options.CurrentValue.RequireAuthForReads || context.User.IsInRole(ApiRoles.AnalyticsReader))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
