using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace OrleansPlans.Api.Authentication;

/// <summary>
/// Reads are open unless <see cref="ApiOptions.RequireAuthForReads"/> is set; then a key with the
/// <see cref="ApiRoles.AnalyticsReader"/> role is needed. A request that presents a key which does not authenticate
/// is refused (401) even when reads are open, so a client with a revoked or mistyped key finds out at once.
/// Decided per request, so a reloaded flag applies at once.
/// </summary>
internal sealed class AnalyticsReadHandler(IOptionsMonitor<ApiOptions> options) : AuthorizationHandler<AnalyticsReadRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AnalyticsReadRequirement requirement)
    {
        var isReader = context.User.IsInRole(ApiRoles.AnalyticsReader);
        var presentedKey = context.Resource is HttpContext http && PresentedKey.IsPresented(http.Request);
        if (isReader || (!options.CurrentValue.RequireAuthForReads && !presentedKey))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
