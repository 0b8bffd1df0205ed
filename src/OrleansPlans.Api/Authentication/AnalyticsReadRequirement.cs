using Microsoft.AspNetCore.Authorization;

namespace OrleansPlans.Api.Authentication;

/// <summary>The requirement of the <see cref="ApiPolicies.AnalyticsRead"/> policy; <see cref="AnalyticsReadHandler"/> decides it.</summary>
internal sealed class AnalyticsReadRequirement : IAuthorizationRequirement;
