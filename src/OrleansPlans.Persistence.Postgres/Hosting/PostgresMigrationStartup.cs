using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using OrleansPlans.Persistence.Postgres.Migrations;

namespace OrleansPlans.Persistence.Postgres.Hosting;

/// <summary>
/// Applies the Orleans migrations at the very first silo lifecycle stage, before the membership table,
/// grain storage and reminder table load their queries from <c>OrleansQuery</c>.
/// </summary>
internal sealed partial class PostgresMigrationStartup(
    IEnumerable<PostgresMigrationTarget> targets,
    PostgresDataSourceCache dataSources,
    ILogger<PostgresMigrationStartup> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PostgresMigrationStartup), ServiceLifecycleStage.First, MigrateAsync);

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        // Connection strings are compared but never logged; databases are told apart by their ordinal.
        var distinct = targets.Select(t => t.ConnectionString).Distinct(StringComparer.Ordinal).ToArray();
        for (var i = 0; i < distinct.Length; i++)
        {
            var report = await PostgresMigrator.ApplyAsync(dataSources.Get(distinct[i]), OrleansPostgresMigrations.Set, logger, cancellationToken).ConfigureAwait(false);
            LogMigrated(logger, i + 1, distinct.Length, report.Applied.Count, report.CurrentVersion);
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Orleans PostgreSQL schema ready (database {Ordinal} of {Count}): {AppliedCount} migration(s) applied, now at version {Version}")]
    private static partial void LogMigrated(ILogger logger, int ordinal, int count, int appliedCount, int version);
}
