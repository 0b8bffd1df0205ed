using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OrleansPlans.Api.Authentication;

namespace OrleansPlans.Api.Hosting;

/// <summary>Registers the operator sign-in for pages opened in a browser (<see cref="OperatorSignInDefaults"/>).</summary>
public static class OperatorSignInServiceCollectionExtensions
{
    /// <summary>
    /// Adds the sign-in cookie scheme, the scheme that takes the key header when present and the cookie otherwise,
    /// and the <see cref="ApiPolicies.OperatorBrowser"/> policy. Call after
    /// <see cref="OrleansPlansApiServiceCollectionExtensions.AddOrleansPlansApi"/> (the keys and the key scheme).
    /// The cookie is protected by ASP.NET Core data protection: behind one address, every host must share its keys
    /// (the host stores them in PostgreSQL), or a cookie issued by one host is refused by the next.
    /// </summary>
    public static IServiceCollection AddOperatorSignIn(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<OperatorSignInCookieEvents>();
        services.AddAuthentication()
            .AddCookie(OperatorSignInDefaults.CookieScheme, cookie =>
            {
                cookie.Cookie.Name = OperatorSignInDefaults.CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // a dev run serves plain http on loopback
                cookie.ExpireTimeSpan = OperatorSignInDefaults.IdleLifetime;
                cookie.SlidingExpiration = true;
                cookie.LoginPath = OperatorSignInDefaults.SignInPath;
                cookie.ReturnUrlParameter = OperatorSignInDefaults.ReturnUrlParameter;
                cookie.EventsType = typeof(OperatorSignInCookieEvents);
            })
            .AddPolicyScheme(OperatorSignInDefaults.KeyOrCookieScheme, displayName: null, scheme =>
                scheme.ForwardDefaultSelector = context =>
                    PresentedKey.IsPresented(context.Request) ? ApiKeyDefaults.SchemeName : OperatorSignInDefaults.CookieScheme);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.OperatorBrowser, policy => policy
                .AddAuthenticationSchemes(OperatorSignInDefaults.KeyOrCookieScheme)
                .RequireAuthenticatedUser()
                .RequireRole(ApiRoles.Operator));
        return services;
    }
}
