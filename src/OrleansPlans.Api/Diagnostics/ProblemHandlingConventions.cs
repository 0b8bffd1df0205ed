using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrleansPlans.Api.Diagnostics;

/// <summary>How the API's and the dashboard's endpoint groups answer outages and log client errors, in one place.</summary>
public static class ProblemHandlingConventions
{
    /// <summary>
    /// 503 problem details when PostgreSQL, Kafka or the cluster did not answer (<see cref="DependencyOutageFilter"/>),
    /// and 400 answers logged at a bounded rate (<see cref="ClientErrorLogFilter"/>), for every endpoint of the group.
    /// </summary>
    public static RouteGroupBuilder WithOutageAndClientErrorHandling(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter<RouteGroupBuilder, ClientErrorLogFilter>();
        group.AddEndpointFilter<RouteGroupBuilder, DependencyOutageFilter>();
        return group.ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }
}
