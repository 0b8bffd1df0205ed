using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrleansPlans.Api.Authentication;
using OrleansPlans.Api.Endpoints;

namespace OrleansPlans.Api.Hosting;

/// <summary>Maps the operator sign-in form.</summary>
public static class OperatorSignInEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <see cref="OperatorSignInDefaults.SignInPath"/> (GET: the form; POST: an operator key in, the cookie and a
    /// redirect to the local <c>returnUrl</c> out, or the form again with 401) and <see cref="OperatorSignInDefaults.SignOutPath"/>
    /// (POST). Needs <see cref="OperatorSignInServiceCollectionExtensions.AddOperatorSignIn"/>. Not in the OpenAPI
    /// document: it is a page for people, not an endpoint for services.
    /// </summary>
    public static IEndpointRouteBuilder MapOperatorSignIn(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(OperatorSignInDefaults.SignInPath, OperatorSignInEndpoints.GetForm).ExcludeFromDescription();
        endpoints.MapPost(OperatorSignInDefaults.SignInPath, OperatorSignInEndpoints.SignInAsync).ExcludeFromDescription();
        endpoints.MapPost(OperatorSignInDefaults.SignOutPath, (Delegate)OperatorSignInEndpoints.SignOutAsync).ExcludeFromDescription();
        return endpoints;
    }
}
