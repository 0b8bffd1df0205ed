using Microsoft.Extensions.Configuration;
using OrleansPlans.Persistence.Postgres.Hosting;
using Orleans.TestingHost;

namespace OrleansPlans.Persistence.Postgres.Tests;

/// <summary>Silos of the test cluster: clustering, default storage and reminders from ConnectionStrings:Orleans.</summary>
public sealed class PostgresSiloConfigurator : ISiloConfigurator
{
    /// <inheritdoc/>
    public void Configure(ISiloBuilder siloBuilder) =>
        siloBuilder
            .UsePostgresOrleans()
            .AddPostgresGrainStorage(DeletingStorageName, ConnectionString(siloBuilder), options => options.DeleteStateOnClear = true)
            .AddPostgresMigrations(ConnectionString(siloBuilder), TestMigrationSet.Instance);

    /// <summary>A second storage provider that deletes the row on clear.</summary>
    public const string DeletingStorageName = "deleting";

    private static string ConnectionString(ISiloBuilder siloBuilder) =>
        siloBuilder.Configuration.GetConnectionString(PostgresSiloBuilderExtensions.DefaultConnectionStringName)!;
}
