namespace OrleansPlans.Api.Authentication;

/// <summary>Authorization policies of the API.</summary>
public static class ApiPolicies
{
    /// <summary>An authenticated key with the <see cref="ApiRoles.Operator"/> role.</summary>
    public const string Operator = "operator";

    /// <summary>Any valid key when <see cref="ApiOptions.RequireAuthForReads"/> is true; anyone otherwise.</summary>
    public const string AnalyticsRead = "analytics-read";
}
