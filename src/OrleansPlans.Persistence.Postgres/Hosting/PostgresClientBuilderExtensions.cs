using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OrleansPlans.Persistence.Postgres.Hosting;

/// <summary>Cluster-client side of the PostgreSQL clustering: finds gateways in the membership table.</summary>
public static class PostgresClientBuilderExtensions
{
    /// <summary>Reads the active gateways from the PostgreSQL membership table (the silos create the schema).</summary>
    public static IClientBuilder UsePostgresClustering(this IClientBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        PostgresSiloBuilderExtensions.CheckConnectionString(connectionString);
        builder.Services.TryAddSingleton<PostgresDataSourceCache>();
        return builder.UseAdoNetClustering(options => options.Configure<PostgresDataSourceCache>((o, sources) =>
        {
            o.Invariant = PostgresSiloBuilderExtensions.Invariant;
            o.DataSource = sources.Get(connectionString);
        }));
    }
}
