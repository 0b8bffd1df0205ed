using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansPlans.Api.Diagnostics;

namespace OrleansPlans.Api.Authentication;

/// <summary>
/// Authenticates the <c>X-Api-Key</c> header (or an <c>Authorization: Bearer</c> token) against <see cref="ApiOptions.OperatorKeys"/> and
/// <see cref="ApiOptions.ReadKeys"/>, in constant time. A request without the header is anonymous (the policy decides);
/// an unknown key fails. Keys are never logged nor put into claims: the identity is the list and position of the key.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    IOptionsMonitor<ApiOptions> apiOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey.Read(Request, out var malformed);
        if (malformed is not null)
        {
            LogRejected(malformed);
            return Task.FromResult(AuthenticateResult.Fail($"The key is malformed: {malformed}."));
        }

        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var options = apiOptions.CurrentValue;
        var match = ApiKeyMatcher.Match(presented, options.OperatorKeys, options.ReadKeys);
        if (match is null)
        {
            LogRejected("unknown key");
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, match.Name), new(ClaimTypes.Role, ApiRoles.AnalyticsReader) };
        if (match.IsOperator)
        {
            claims.Add(new Claim(ClaimTypes.Role, ApiRoles.Operator));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = new[] { $"{ApiKeyDefaults.SchemeName} header=\"{ApiKeyDefaults.HeaderName}\"", "Bearer" };
        return WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized",
            $"This endpoint needs a valid API key in the {ApiKeyDefaults.HeaderName} header or as an Authorization: Bearer token.");
    }

    /// <inheritdoc />
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden",
            "The API key is valid but lacks the role this endpoint needs (operator endpoints need a key from Api:OperatorKeys).");

    private Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        return Results.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(Context);
    }

    // Anyone can send bad keys at will: logged at a bounded rate (ApiLogLimits).
    private void LogRejected(string reason)
    {
        if (Context.RequestServices.GetRequiredService<ApiLogLimits>().RejectedKeys.TryAcquire(out var suppressed))
        {
            ApiLog.KeyRejected(Logger, reason, suppressed);
        }
    }
}
