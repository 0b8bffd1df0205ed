namespace OrleansPlans.Api.Authentication;

/// <summary>
/// Names of the operator sign-in: a browser cannot send the <c>X-Api-Key</c> header, so an operator gives the key once
/// to a form and gets a cookie that stands for it on pages opened in the browser (the Orleans Dashboard).
/// </summary>
public static class OperatorSignInDefaults
{
    /// <summary>The cookie authentication scheme: <c>OperatorSignIn</c>.</summary>
    public const string CookieScheme = "OperatorSignIn";

    /// <summary>The scheme of <see cref="ApiPolicies.OperatorBrowser"/>: the key header when a request has one, the cookie otherwise.</summary>
    public const string KeyOrCookieScheme = "OperatorKeyOrSignIn";

    /// <summary>The cookie's name.</summary>
    public const string CookieName = "OrleansPlans.Operator";

    /// <summary>The sign-in page (GET) and form target (POST): <c>/operator/sign-in</c>.</summary>
    public const string SignInPath = "/operator/sign-in";

    /// <summary>Ends the sign-in (POST): <c>/operator/sign-out</c>.</summary>
    public const string SignOutPath = "/operator/sign-out";

    /// <summary>The query parameter naming the local page to return to after signing in: <c>ReturnUrl</c>.</summary>
    public const string ReturnUrlParameter = "ReturnUrl";

    /// <summary>How long a sign-in lasts without use (sliding); the cookie is also dropped when the browser closes.</summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromHours(8);
}
