using OrleansPlans.Persistence.Postgres.Hosting;
using Orleans.TestingHost;

namespace OrleansPlans.Persistence.Postgres.Tests;

/// <summary>Silos of the test cluster: clustering, default storage and reminders from ConnectionStrings:Orleans.</summary>
public sealed class PostgresSiloConfigurator : ISiloConfigurator
{
    /// <inheritdoc/>
    public void Configure(ISiloBuilder siloBuilder) => siloBuilder.UsePostgresOrleans();
}
