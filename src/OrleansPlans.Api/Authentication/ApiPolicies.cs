namespace OrleansPlans.Api.Authentication;

/// <summary>Authorization policies of the API.</summary>
public static class ApiPolicies
{
    /// <summary>An authenticated key with the <see cref="ApiRoles.Operator"/> role.</summary>
    public const string Operator = "operator";

    /// <summary>Any valid key when <see cref="ApiOptions.RequireAuthForReads"/> is true; anyone otherwise.</summary>
    public const string AnalyticsRead = "analytics-read";

    /// <summary>
    /// An operator key in the header, or the cookie of an operator's sign-in (<see cref="OperatorSignInDefaults"/>):
    /// for pages operators open in a browser, which cannot send the header. Only read-only pages use it, so a
    /// cross-site request riding on the cookie can change nothing (the cookie is also <c>SameSite=Strict</c>).
    /// </summary>
    public const string OperatorBrowser = "operator-browser";
}
