using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OrleansPlans.Host.DataProtection;
using OrleansPlans.Host.Hosting;
using OrleansPlans.Postgres.Embedded;
using OrleansPlans.Persistence.Postgres.Hosting;
using OrleansPlans.Postgres.Migrations;

namespace OrleansPlans.Host.Postgres;

/// <summary>Resolves the PostgreSQL database of the main job and brings its schemas up to date.</summary>
public static class PostgresHosting
{
    /// <summary>
    /// Uses the configured connection string or starts the embedded server under <see cref="PostgresOptions.DataDirectory"/>
    /// (and writes its connection string to <see cref="PostgresOptions.ConnectionFile"/>); sizes the connection pool
    /// (<see cref="PoolSizing"/>) and registers the process's one <see cref="NpgsqlDataSource"/>, named
    /// <paramref name="applicationName"/> in <c>pg_stat_activity</c> unless the connection string names itself; applies
    /// the Orleans and analytics migrations and the shared data-protection key ring's through it. Returns the options
    /// with the connection string filled in.
    /// With <paramref name="fresh"/> the embedded database is recreated: the dev broker keeps its topics in memory,
    /// so state, checkpoints and tables from an earlier run would describe a log that no longer exists.
    /// </summary>
    public static async Task<PostgresOptions> AddPostgresAsync(this IHostApplicationBuilder builder, bool fresh, string applicationName, CancellationToken cancellationToken = default)
    {
        var options = HostSettings.Read(builder.Configuration, "Postgres", new PostgresOptionsValidator());
        var embedded = string.IsNullOrWhiteSpace(options.ConnectionString);
        if (embedded)
        {
            var server = await PrivatePostgresCluster.StartAsync(new PrivatePostgresClusterOptions
            {
                DataDirectory = Path.GetFullPath(options.DataDirectory),
                Port = options.Port,
            }, cancellationToken);
            if (fresh)
            {
                await DropDatabaseAsync(server.GetConnectionString(), options.Database, cancellationToken);
            }

            options.ConnectionString = await server.CreateDatabaseAsync(options.Database, cancellationToken);
            builder.Services.AddSingleton(_ => server); // a factory registration, so the container stops it on shutdown
            Console.WriteLine($"PostgreSQL (embedded) at 127.0.0.1:{server.Port}, data in {server.DataDirectory}");
            Console.WriteLine($"  psql -h 127.0.0.1 -p {server.Port} -U {PrivatePostgresCluster.SuperUser} {options.Database}");
        }

        var (sized, chosen) = await PoolSizing.ApplyDefaultAsync(options.ConnectionString, options.MaxPoolSize, cancellationToken);
        if (chosen is { } size)
        {
            Console.WriteLine($"PostgreSQL pool: at most {size} connections (Postgres:MaxPoolSize, or Maximum Pool Size in the connection string, to choose)");
        }

        var dataSourceBuilder = new NpgsqlDataSourceBuilder(StatementPreparation.WithDefault(sized));
        dataSourceBuilder.ConnectionStringBuilder.ApplicationName ??= applicationName;
        var dataSource = dataSourceBuilder.Build();
        builder.Services.AddSingleton(_ => dataSource); // a factory registration, so the container disposes it
        await PostgresMigrator.ApplyAsync(dataSource, OrleansPostgresMigrations.Set, cancellationToken);
        await Sink.Postgres.AnalyticsSchema.MigrateAsync(dataSource, options.AnalyticsSchema, cancellationToken: cancellationToken);
        await PostgresMigrator.ApplyAsync(dataSource, DataProtectionMigrations.Set, cancellationToken);

        if (embedded)
        {
            // Only now, migrated: a host joining this run (Dev:Join) or the CLI may use it from here on.
            var file = ConnectionFile.Write(options.ConnectionFile, options.ConnectionString);
            var written = options.ConnectionString;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => ConnectionFile.Delete(file, written);
        }

        options.ConnectionString = sized;
        builder.Services.AddSingleton(options);
        return options;
    }

    private static async Task DropDatabaseAsync(string serverConnectionString, string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var drop = new NpgsqlCommand($"drop database if exists \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\" with (force)", connection);
        await drop.ExecuteNonQueryAsync(cancellationToken);
    }
}
