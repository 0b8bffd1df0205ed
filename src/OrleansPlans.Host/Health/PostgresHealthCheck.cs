using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using OrleansPlans.Host.Postgres;

namespace OrleansPlans.Host.Health;

/// <summary>Ready only while PostgreSQL (grain state, clustering, analytics tables) answers a query.</summary>
public sealed class PostgresHealthCheck(PostgresOptions postgres) : IHealthCheck, IDisposable
{
    private readonly NpgsqlDataSource _dataSource = new NpgsqlDataSourceBuilder(postgres.ConnectionString)
    {
        ConnectionStringBuilder = { MaxPoolSize = 2, Timeout = 3, CommandTimeout = 3 },
    }.Build();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = _dataSource.CreateCommand("select 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("PostgreSQL answers");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL unreachable: {e.Message}");
        }
    }

    public void Dispose() => _dataSource.Dispose();
}
