using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansPlans.Api.Authentication;
using OrleansPlans.Api.Diagnostics;

namespace OrleansPlans.Api.Endpoints;

/// <summary>
/// Turns an operator key typed into a form into the sign-in cookie (<see cref="OperatorSignInDefaults"/>). The form
/// is read by hand rather than bound, so a malformed body answers 400 like everywhere else in the API.
/// </summary>
internal static class OperatorSignInEndpoints
{
    private const string DefaultReturnUrl = "/";

    public static IResult GetForm(HttpRequest request) =>
        Page(ReturnUrlOrDefault(request.Query[OperatorSignInDefaults.ReturnUrlParameter]), error: null, StatusCodes.Status200OK);

    public static async Task<IResult> SignInAsync(HttpContext context, IOptionsMonitor<ApiOptions> apiOptions, ILoggerFactory loggers)
    {
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception error) when (error is InvalidOperationException or InvalidDataException or IOException)
        {
            // Not a form (wrong content type), or a form that cannot be read (malformed, too large).
            return ApiProblems.Invalid("key", "the body must be a form (application/x-www-form-urlencoded) with the field 'key'");
        }

        var returnUrl = ReturnUrlOrDefault(form["returnUrl"]);
        var key = form["key"].ToString();
        var options = apiOptions.CurrentValue;
        var match = key.Length == 0 ? null : ApiKeyMatcher.Match(key, options.OperatorKeys, options.ReadKeys);
        var logger = loggers.CreateLogger(typeof(OperatorSignInEndpoints).FullName!);
        if (match is not { IsOperator: true })
        {
            if (context.RequestServices.GetRequiredService<ApiLogLimits>().RejectedKeys.TryAcquire(out var suppressed))
            {
                ApiLog.KeyRejected(logger, match is null ? "unknown key at operator sign-in" : "read key at operator sign-in", suppressed);
            }

            return Page(returnUrl, "That is not an operator key.", StatusCodes.Status401Unauthorized);
        }

        Claim[] claims =
        [
            new(ClaimTypes.Name, match.Name),
            new(ClaimTypes.Role, ApiRoles.Operator),
            new(ClaimTypes.Role, ApiRoles.AnalyticsReader),
            new(OperatorKeyFingerprint.ClaimType, OperatorKeyFingerprint.Of(key)),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, OperatorSignInDefaults.CookieScheme));
        await context.SignInAsync(OperatorSignInDefaults.CookieScheme, principal);
        ApiLog.OperatorSignedIn(logger, match.Name, context.Connection.RemoteIpAddress?.ToString());
        return Results.LocalRedirect(returnUrl);
    }

    public static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(OperatorSignInDefaults.CookieScheme);
        return Results.LocalRedirect(DefaultReturnUrl);
    }

    // Only a path on this server (the rule of Results.LocalRedirect): an open redirect would let a link to the sign-in
    // send the operator anywhere.
    private static string ReturnUrlOrDefault(string? candidate) =>
        candidate is "/" or ['/', not '/' and not '\\', ..] && !candidate.Any(char.IsControl) ? candidate : DefaultReturnUrl;

    private static IResult Page(string returnUrl, string? error, int status) =>
        Results.Content(OperatorSignInPage.Render(returnUrl, error), "text/html; charset=utf-8", statusCode: status);
}
