using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;
using OrleansPlans.Api.Authentication;
using OrleansPlans.Api.Hosting;
using OrleansPlans.Host.DataProtection;

namespace OrleansPlans.Host.Hosting;

/// <summary>
/// The official Orleans Dashboard (activations, call rates and latencies per grain method, silo health) for operators:
/// served at <see cref="RoutePrefix"/> behind an operator key, given in the header or once to the sign-in form, whose
/// cookie every host accepts (one key ring in PostgreSQL). Its silo side (a grain service and the call profiler) is
/// added by <see cref="OrleansPlansSilo"/>.
/// </summary>
public static class OrleansDashboardHosting
{
    /// <summary>Where the Orleans Dashboard is served: <c>/orleans/</c> (the product dashboard links to it).</summary>
    public const string RoutePrefix = "/orleans";

    /// <summary>Adds the operator sign-in and the data protection it needs, with the key ring in the process's database.</summary>
    public static IHostApplicationBuilder AddOrleansDashboardSignIn(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOperatorSignIn();
        builder.AddSharedDataProtection();
        return builder;
    }

    /// <summary>Maps the sign-in form and the Orleans Dashboard under <see cref="RoutePrefix"/>, for operators only (<see cref="ApiPolicies.OperatorBrowser"/>).</summary>
    public static IEndpointRouteBuilder MapOrleansClusterDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOperatorSignIn();
        endpoints.MapOrleansDashboard(RoutePrefix).RequireAuthorization(ApiPolicies.OperatorBrowser);
        return endpoints;
    }
}
