using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace OrleansPlans.Sink.Postgres;

/// <summary>Registers the <see cref="PostgresTableSink"/> as a hosted service.</summary>
public static class PostgresSinkServiceCollectionExtensions
{
    /// <summary>The service key under which the sink's <see cref="NpgsqlDataSource"/> is resolved.</summary>
    public const string DataSourceKey = "OrleansPlans.Sink.Postgres";

    /// <summary>
    /// Registers a singleton <see cref="PostgresTableSink"/> run as a hosted service. It writes through the host's
    /// <see cref="NpgsqlDataSource"/> when one is registered, else through one built once from
    /// <see cref="PostgresSinkOptions.ConnectionString"/>. Options are validated at start-up.
    /// </summary>
    /// <example>
    /// <code>
    /// builder.Services.AddPostgresTableSink(o =>
    /// {
    ///     o.ConnectionString = builder.Configuration.GetConnectionString("Analytics");
    ///     o.BootstrapServers = "127.0.0.1:9092";
    /// });
    /// </code>
    /// </example>
    public static IServiceCollection AddPostgresTableSink(this IServiceCollection services, Action<PostgresSinkOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<PostgresSinkOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgresSinkOptions>, PostgresSinkOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgresSinkOptions>, PostgresSinkDataSourceValidator>());
        services.TryAddKeyedSingleton(DataSourceKey, (sp, _) =>
            sp.GetService<NpgsqlDataSource>()
            ?? NpgsqlDataSource.Create(sp.GetRequiredService<IOptions<PostgresSinkOptions>>().Value.ConnectionString!));
        services.TryAddSingleton(sp => new PostgresTableSink(
            sp.GetRequiredKeyedService<NpgsqlDataSource>(DataSourceKey),
            sp.GetRequiredService<IOptions<PostgresSinkOptions>>().Value,
            sp.GetService<ILogger<PostgresTableSink>>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<IMeterFactory>()));
        services.AddHostedService(sp => sp.GetRequiredService<PostgresTableSink>());
        return services;
    }
}
