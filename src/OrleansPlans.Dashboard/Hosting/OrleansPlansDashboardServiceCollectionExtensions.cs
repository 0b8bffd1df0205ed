using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using OrleansPlans.Api.Hosting;
using OrleansPlans.Dashboard.Analytics;
using OrleansPlans.Dashboard.Page;
using OrleansPlans.Sink.Postgres;

namespace OrleansPlans.Dashboard.Hosting;

/// <summary>Registers the services of the dashboard: the analytics reads, the status source and the page.</summary>
public static class OrleansPlansDashboardServiceCollectionExtensions
{
    /// <summary>
    /// Registers the analytics reads over the tables in <paramref name="schema"/> of the database at
    /// <paramref name="connectionString"/> (one <see cref="NpgsqlDataSource"/>, disposed with the container), the page's
    /// files, and the API's key authentication and policies (<see cref="OrleansPlansApiServiceCollectionExtensions.AddOrleansPlansApi"/>,
    /// a no-op when the host already called it): the endpoints use the <c>analytics-read</c> policy and the <c>Api</c> page sizes.
    /// </summary>
    /// <exception cref="ArgumentException">The connection string is empty or the schema name is not valid.</exception>
    public static IServiceCollection AddOrleansPlansDashboard(
        this IServiceCollection services, IConfiguration configuration, string connectionString, string schema = AnalyticsSchema.DefaultSchema)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        AnalyticsSchema.Quote(schema); // throws, naming the rule, for a schema name that could not be spliced into SQL safely

        services.AddOrleansPlansApi(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ =>
        {
            var builder = new NpgsqlDataSourceBuilder(connectionString);
            builder.ConnectionStringBuilder.ApplicationName ??= "OrleansPlans.Dashboard";
            return new AnalyticsDatabase(builder.Build(), schema);
        });
        services.AddSingleton<AnalyticsQueries>();
        services.AddSingleton<DashboardAssets>();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, DashboardJsonContext.Default));
        return services;
    }
}
