using Npgsql;
using OrleansPlans.Persistence.Postgres.Hosting;

namespace OrleansPlans.Host.Postgres;

/// <summary>
/// Chooses the connection pool's <c>Maximum Pool Size</c> when the connection string does not: Npgsql's default (100
/// per pool) let two hosts on one server exhaust its connections ("too many clients") and halve the throughput.
/// </summary>
public static class PoolSizing
{
    /// <summary>The smallest default chosen: the grains still write in parallel.</summary>
    public const int MinDefault = 10;

    /// <summary>The largest default chosen: more does not help on the machines this runs on.</summary>
    public const int MaxDefault = 50;

    /// <summary>
    /// The connection string with <c>Maximum Pool Size</c> set, unless it already names one: <see cref="PostgresOptions.MaxPoolSize"/>
    /// when given, otherwise a quarter of the connections the server accepts (<c>max_connections</c> less
    /// <c>superuser_reserved_connections</c>), between <see cref="MinDefault"/> and <see cref="MaxDefault"/>. A host has
    /// one pool (its one data source: grain state, the sink, health checks and reads), so several hosts stay within the
    /// server's limit with room for psql and the CLI. Returns the size chosen, or null when the connection string named one.
    /// </summary>
    public static async Task<(string ConnectionString, int? Chosen)> ApplyDefaultAsync(string connectionString, int? maxPoolSize, CancellationToken cancellationToken)
    {
        if (ConnectionStringKeywords.Names(connectionString, "MaximumPoolSize", "MaxPoolSize"))
        {
            return (connectionString, null);
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.MaxPoolSize = maxPoolSize ?? Quarter(await AvailableConnectionsAsync(connectionString, cancellationToken));
        return (builder.ConnectionString, builder.MaxPoolSize);
    }

    /// <summary>A quarter of <paramref name="available"/>, clamped to [<see cref="MinDefault"/>, <see cref="MaxDefault"/>].</summary>
    public static int Quarter(int available) => Math.Clamp(available / 4, MinDefault, MaxDefault);

    private static async Task<int> AvailableConnectionsAsync(string connectionString, CancellationToken cancellationToken)
    {
        // One unpooled connection, before the process's data source exists (its pool size is what this decides).
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "select current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int", connection);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
