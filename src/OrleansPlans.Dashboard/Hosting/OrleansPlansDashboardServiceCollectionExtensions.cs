using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using OrleansPlans.Api.Hosting;
using OrleansPlans.Dashboard.Analytics;
using OrleansPlans.Dashboard.Page;
using OrleansPlans.Dashboard.Status;
using OrleansPlans.Operations.Status;
using OrleansPlans.Sink.Postgres;

namespace OrleansPlans.Dashboard.Hosting;

/// <summary>Registers the services of the dashboard: the analytics reads, the status source and the page.</summary>
public static class OrleansPlansDashboardServiceCollectionExtensions
{
    /// <summary>The service key of the data source the dashboard builds for itself when given a connection string.</summary>
    private const string OwnDataSourceKey = "OrleansPlans.Dashboard";

    /// <summary>
    /// Registers the analytics reads over the tables in <paramref name="schema"/> of the database (the host's
    /// <see cref="NpgsqlDataSource"/>, or one of its own for <paramref name="connectionString"/>), the page's
    /// files, and the API's key authentication and policies (<see cref="OrleansPlansApiServiceCollectionExtensions.AddOrleansPlansApi"/>,
    /// a no-op when the host already called it): the endpoints use the <c>analytics-read</c> policy and the <c>Api</c> page sizes.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration (section <c>Api</c>: keys, page sizes).</param>
    /// <param name="connectionString">
    /// Null: read through the <see cref="NpgsqlDataSource"/> registered in the container (the process's one). Otherwise
    /// the database of the analytics tables, for a host without one (a data source of its own, disposed with the
    /// container). Never logged.
    /// </param>
    /// <param name="schema">The schema of the analytics tables (<c>Postgres:AnalyticsSchema</c>); default <c>analytics</c>.</param>
    /// <param name="configureStatus">
    /// Where <c>GET /api/v1/status</c> looks (Kafka bootstrap servers, consumer groups, topics, cluster id): with it, a
    /// <see cref="PipelineStatusReader"/> over the same data source and schema serves the status, unless an
    /// <see cref="IPipelineStatusSource"/> is already registered. Without either, the status endpoint answers 503.
    /// </param>
    /// <exception cref="ArgumentException">The connection string is empty, the schema name or the status options are not valid.</exception>
    public static IServiceCollection AddOrleansPlansDashboard(
        this IServiceCollection services, IConfiguration configuration, string? connectionString, string schema = AnalyticsSchema.DefaultSchema,
        Action<PipelineStatusOptions>? configureStatus = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (connectionString is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
            services.AddKeyedSingleton(OwnDataSourceKey, (_, _) =>
            {
                var builder = new NpgsqlDataSourceBuilder(connectionString);
                builder.ConnectionStringBuilder.ApplicationName ??= "OrleansPlans.Dashboard";
                return builder.Build();
            });
        }

        AnalyticsSchema.Quote(schema); // throws, naming the rule, for a schema name that could not be spliced into SQL safely
        if (configureStatus is not null)
        {
            AddStatusReader(services, connectionString is null, schema, configureStatus);
        }

        services.AddOrleansPlansApi(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new AnalyticsDatabase(DataSourceOf(sp, connectionString is null), schema));
        services.AddSingleton<AnalyticsQueries>();
        services.AddSingleton<DashboardAssets>();
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, DashboardJsonContext.Default);
            json.SerializerOptions.TypeInfoResolverChain.Insert(1, PipelineStatusJsonContext.Default);
        });
        return services;
    }

    private static NpgsqlDataSource DataSourceOf(IServiceProvider provider, bool hostsDataSource) =>
        hostsDataSource ? provider.GetRequiredService<NpgsqlDataSource>() : provider.GetRequiredKeyedService<NpgsqlDataSource>(OwnDataSourceKey);

    private static void AddStatusReader(IServiceCollection services, bool hostsDataSource, string schema, Action<PipelineStatusOptions> configure)
    {
        var options = new PipelineStatusOptions { AnalyticsSchema = schema };
        configure(options);
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(configure)); // at start-up, every problem at once
        }

        // The reader reads through the dashboard's data source and bounds each read by its Timeout itself.
        services.TryAddSingleton<IPipelineStatusSource>(provider =>
        {
            var time = provider.GetRequiredService<TimeProvider>();
            return SharedPipelineStatusSource.Over(new PipelineStatusReader(options, DataSourceOf(provider, hostsDataSource), time), time);
        });
    }
}
