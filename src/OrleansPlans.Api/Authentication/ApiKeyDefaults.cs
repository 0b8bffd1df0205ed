namespace OrleansPlans.Api.Authentication;

/// <summary>Names of the API-key authentication scheme.</summary>
public static class ApiKeyDefaults
{
    /// <summary>The authentication scheme: <c>ApiKey</c>.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The request header that carries the key: <c>X-Api-Key</c>.</summary>
    public const string HeaderName = "X-Api-Key";
}
