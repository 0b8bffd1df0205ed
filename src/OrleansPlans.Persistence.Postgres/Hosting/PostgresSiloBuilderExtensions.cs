using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Runtime;
using OrleansPlans.Postgres.Migrations;

namespace OrleansPlans.Persistence.Postgres.Hosting;

/// <summary>
/// Wires the Orleans ADO.NET providers (invariant "Npgsql") to PostgreSQL with this project's schema, and makes
/// the silo apply the schema migrations at start-up before any provider reads its queries.
/// </summary>
public static class PostgresSiloBuilderExtensions
{
    /// <summary>The ADO.NET invariant name of Npgsql.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>The default connection string name read by <see cref="UsePostgresOrleans"/>.</summary>
    public const string DefaultConnectionStringName = "Orleans";

    /// <summary>
    /// Clustering, default grain storage and reminders on the connection string
    /// <c>ConnectionStrings:{connectionStringName}</c> of the silo's configuration.
    /// </summary>
    /// <exception cref="InvalidOperationException">The connection string is missing.</exception>
    public static ISiloBuilder UsePostgresOrleans(this ISiloBuilder builder, string connectionStringName = DefaultConnectionStringName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionStringName);
        var connectionString = builder.Configuration.GetConnectionString(connectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"Configuration 'ConnectionStrings:{connectionStringName}' is missing or empty; it must name the Orleans PostgreSQL database.");
        }

        return builder
            .UsePostgresClustering(connectionString)
            .AddPostgresGrainStorageAsDefault(connectionString)
            .UsePostgresReminders(connectionString);
    }

    /// <summary>Silo membership (clustering) in PostgreSQL, through the <see cref="NpgsqlDataSource"/> registered in the container (the process's one).</summary>
    public static ISiloBuilder UsePostgresClustering(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UsePostgresClusteringOn(connectionString: null);
    }

    /// <summary>Silo membership (clustering) in PostgreSQL, through a data source of its own (standalone use).</summary>
    public static ISiloBuilder UsePostgresClustering(this ISiloBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        CheckConnectionString(connectionString);
        return builder.UsePostgresClusteringOn(connectionString);
    }

    private static ISiloBuilder UsePostgresClusteringOn(this ISiloBuilder builder, string? connectionString)
    {
        builder.AddPostgresMigrationsOn(connectionString, OrleansPostgresMigrations.Set);
        return builder.UseAdoNetClustering(options => options.Configure<PostgresDataSourceCache>((o, sources) =>
        {
            o.Invariant = Invariant;
            o.DataSource = sources.Get(connectionString);
        }));
    }

    /// <summary>A named grain storage provider in PostgreSQL, through the <see cref="NpgsqlDataSource"/> registered in the container.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The storage name used in <c>[PersistentState("state", name)]</c>.</param>
    /// <param name="configureOptions">Optional provider settings; the invariant and the data source are set by this method.</param>
    public static ISiloBuilder AddPostgresGrainStorage(this ISiloBuilder builder, string name, Action<AdoNetGrainStorageOptions>? configureOptions = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.AddPostgresGrainStorageOn(name, connectionString: null, configureOptions);
    }

    /// <summary>A named grain storage provider in PostgreSQL, through a data source of its own (standalone use).</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The storage name used in <c>[PersistentState("state", name)]</c>.</param>
    /// <param name="connectionString">The PostgreSQL database.</param>
    /// <param name="configureOptions">
    /// Optional provider settings, e.g. <see cref="AdoNetGrainStorageOptions.DeleteStateOnClear"/>; the invariant and
    /// the data source are set by this method.
    /// </param>
    public static ISiloBuilder AddPostgresGrainStorage(this ISiloBuilder builder, string name, string connectionString, Action<AdoNetGrainStorageOptions>? configureOptions = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        CheckConnectionString(connectionString);
        return builder.AddPostgresGrainStorageOn(name, connectionString, configureOptions);
    }

    private static ISiloBuilder AddPostgresGrainStorageOn(this ISiloBuilder builder, string name, string? connectionString, Action<AdoNetGrainStorageOptions>? configureOptions)
    {
        builder.AddPostgresMigrationsOn(connectionString, OrleansPostgresMigrations.Set);
        return builder.AddAdoNetGrainStorage(name, options => options.Configure<PostgresDataSourceCache>((o, sources) =>
        {
            configureOptions?.Invoke(o);
            o.Invariant = Invariant;
            o.DataSource = sources.Get(connectionString);
        }));
    }

    /// <summary>The default grain storage provider (<c>[PersistentState("x")]</c> without a storage name) in PostgreSQL.</summary>
    public static ISiloBuilder AddPostgresGrainStorageAsDefault(this ISiloBuilder builder, string connectionString, Action<AdoNetGrainStorageOptions>? configureOptions = null) =>
        builder.AddPostgresGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, connectionString, configureOptions);

    /// <summary>The reminder table in PostgreSQL (also adds the reminder service).</summary>
    public static ISiloBuilder UsePostgresReminders(this ISiloBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        CheckConnectionString(connectionString);
        builder.AddPostgresMigrationsOn(connectionString, OrleansPostgresMigrations.Set);
        return builder.UseAdoNetReminderService(options => options.Configure<PostgresDataSourceCache>((o, sources) =>
        {
            o.Invariant = Invariant;
            o.DataSource = sources.Get(connectionString);
        }));
    }

    /// <summary>
    /// Applies a migration set to this database at the first silo lifecycle stage, in registration order
    /// (the other methods here register the Orleans set; registering a set again for the same database is harmless).
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="connectionString">The PostgreSQL database.</param>
    /// <param name="set">The set to apply; <see langword="null"/> (the default) means <see cref="OrleansPostgresMigrations.Set"/>.</param>
    public static ISiloBuilder AddPostgresMigrations(this ISiloBuilder builder, string connectionString, MigrationSet? set = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        CheckConnectionString(connectionString);
        return builder.AddPostgresMigrationsOn(connectionString, set ?? OrleansPostgresMigrations.Set);
    }

    // A null connection string: the NpgsqlDataSource registered in the container.
    internal static ISiloBuilder AddPostgresMigrationsOn(this ISiloBuilder builder, string? connectionString, MigrationSet set)
    {
        builder.Services.TryAddSingleton<PostgresDataSourceCache>();
        builder.Services.AddSingleton(new PostgresMigrationTarget(connectionString, set));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILifecycleParticipant<ISiloLifecycle>, PostgresMigrationStartup>());
        return builder;
    }

    // Fails at registration, naming the argument and never echoing the value (it may hold a password).
    internal static void CheckConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"The PostgreSQL connection string is not valid: {ex.Message}", nameof(connectionString));
        }
    }
}
