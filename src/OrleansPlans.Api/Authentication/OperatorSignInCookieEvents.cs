using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace OrleansPlans.Api.Authentication;

/// <summary>
/// The sign-in cookie's behaviour: a page a browser navigates to is redirected to the sign-in form, anything else
/// (the dashboard's own data requests, scripts) gets a 401 problem it can understand instead of the form's HTML;
/// a denied request gets 403, never the cookie handler's default redirect to a page that does not exist; and a cookie
/// whose operator key was removed from the configuration is refused.
/// </summary>
internal sealed class OperatorSignInCookieEvents(IOptionsMonitor<ApiOptions> apiOptions) : CookieAuthenticationEvents
{
    /// <inheritdoc />
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (IsPageNavigation(context.Request))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }

        return WriteProblemAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Unauthorized",
            $"This page needs an operator key: sign in at {OperatorSignInDefaults.SignInPath}, or send the key in the {ApiKeyDefaults.HeaderName} header.");
    }

    /// <inheritdoc />
    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        WriteProblemAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden", "This page needs an operator key.");

    /// <inheritdoc />
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var fingerprint = context.Principal?.FindFirst(OperatorKeyFingerprint.ClaimType)?.Value;
        if (fingerprint is null || !OperatorKeyFingerprint.IsCurrent(fingerprint, apiOptions.CurrentValue.OperatorKeys))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(OperatorSignInDefaults.CookieScheme);
        }
    }

    private static bool IsPageNavigation(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);

    private static Task WriteProblemAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return Results.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(context);
    }
}
