using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using OrleansPlans.Persistence.Postgres.Storage;
using OrleansPlans.Postgres.Migrations;

namespace OrleansPlans.Persistence.Postgres.Hosting;

/// <summary>Registers <see cref="GroupCommitGrainStorage"/> providers.</summary>
public static class GroupCommitStorageSiloBuilderExtensions
{
    /// <summary>
    /// A named grain storage provider in PostgreSQL whose reads and writes are grouped across the silo's grains
    /// (table <c>grain_state</c>, created by this project's migrations). Every provider added this way on one database
    /// shares its round trips. The state serializer is the one registered under <paramref name="name"/>, else the
    /// silo's default.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The storage name used in <c>[PersistentState("state", name)]</c>.</param>
    /// <param name="connectionString">The PostgreSQL database.</param>
    /// <param name="configure">Optional batching settings (shared by every group-commit provider of the silo).</param>
    public static ISiloBuilder AddPostgresGroupCommitGrainStorage(
        this ISiloBuilder builder, string name, string connectionString, Action<GroupCommitStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        PostgresSiloBuilderExtensions.CheckConnectionString(connectionString);
        return builder.AddGroupCommitGrainStorageOn(name, connectionString, configure);
    }

    /// <summary>
    /// As <see cref="AddPostgresGroupCommitGrainStorage(ISiloBuilder, string, string, Action{GroupCommitStorageOptions}?)"/>,
    /// through the <see cref="Npgsql.NpgsqlDataSource"/> registered in the container (the process's one).
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The storage name used in <c>[PersistentState("state", name)]</c>.</param>
    /// <param name="configure">Optional batching settings (shared by every group-commit provider of the silo).</param>
    public static ISiloBuilder AddPostgresGroupCommitGrainStorage(this ISiloBuilder builder, string name, Action<GroupCommitStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.AddGroupCommitGrainStorageOn(name, connectionString: null, configure);
    }

    private static ISiloBuilder AddGroupCommitGrainStorageOn(this ISiloBuilder builder, string name, string? connectionString, Action<GroupCommitStorageOptions>? configure)
    {
        builder.AddPostgresMigrationsOn(connectionString, OrleansPostgresMigrations.Set);
        var options = builder.Services.AddOptions<GroupCommitStorageOptions>()
            .Validate(o => o.MaxBatchSize is >= 1 and <= 10_000, $"{nameof(GroupCommitStorageOptions)}.{nameof(GroupCommitStorageOptions.MaxBatchSize)} must be between 1 and 10000")
            .Validate(o => o.MaxConcurrentRoundTrips is >= 1 and <= 64, $"{nameof(GroupCommitStorageOptions)}.{nameof(GroupCommitStorageOptions.MaxConcurrentRoundTrips)} must be between 1 and 64")
            .Validate(o => o.WriteWindow >= TimeSpan.Zero && o.WriteWindow <= TimeSpan.FromSeconds(1), $"{nameof(GroupCommitStorageOptions)}.{nameof(GroupCommitStorageOptions.WriteWindow)} must be between 0 and 1 second")
            .Validate(o => System.Text.RegularExpressions.Regex.IsMatch(o.Namespace ?? "", "^[A-Za-z0-9_-]{0,64}$"), $"{nameof(GroupCommitStorageOptions)}.{nameof(GroupCommitStorageOptions.Namespace)} must be at most 64 letters, digits, '_' or '-'")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddSingleton<GroupCommitStateStores>();
        builder.Services.AddGrainStorage(name, (services, providerName) => new GroupCommitGrainStorage(
            services.GetRequiredService<GroupCommitStateStores>().Get(connectionString),
            services.GetKeyedService<IGrainStorageSerializer>(providerName) ?? services.GetRequiredService<IGrainStorageSerializer>(),
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GroupCommitStorageOptions>>().Value));
        return builder;
    }
}
