using Microsoft.Extensions.Configuration;
using OrleansPlans.Persistence.Postgres.Hosting;
using Orleans.TestingHost;

namespace OrleansPlans.Persistence.Postgres.Tests;

/// <summary>The test cluster's client finds its gateways in the PostgreSQL membership table.</summary>
public sealed class PostgresClientConfigurator : IClientBuilderConfigurator
{
    /// <inheritdoc/>
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.UsePostgresClustering(configuration.GetConnectionString(PostgresSiloBuilderExtensions.DefaultConnectionStringName)
            ?? throw new InvalidOperationException("ConnectionStrings:Orleans is missing from the test cluster configuration."));
}
