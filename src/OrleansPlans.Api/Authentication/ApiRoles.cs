namespace OrleansPlans.Api.Authentication;

/// <summary>Roles an API key grants; see <see cref="ApiOptions"/> for how keys get them.</summary>
public static class ApiRoles
{
    /// <summary>May call operator endpoints (merge decisions, merge requests and previews).</summary>
    public const string Operator = "operator";

    /// <summary>May read analytics.</summary>
    public const string AnalyticsReader = "analytics-read";
}
