using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using OrleansPlans.Postgres.Migrations;

namespace OrleansPlans.Persistence.Postgres.Hosting;

/// <summary>
/// Applies the registered migration sets at the very first silo lifecycle stage, before the membership table,
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
        // In registration order, each (database, set) once. Connection strings are compared but never logged;
        // databases are told apart by their ordinal.
        var databases = targets.Select(t => t.ConnectionString).Distinct(StringComparer.Ordinal).ToList();
        var distinct = targets.DistinctBy(t => (t.ConnectionString, t.Set.Key)).ToArray();
        foreach (var target in distinct)
        {
            var report = await PostgresMigrator.ApplyAsync(dataSources.Get(target.ConnectionString), target.Set, logger, cancellationToken).ConfigureAwait(false);
            LogMigrated(logger, target.Set.Key, databases.IndexOf(target.ConnectionString) + 1, report.Applied.Count, report.CurrentVersion);
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "PostgreSQL schema {SetKey} ready in database #{Ordinal}: {AppliedCount} migration(s) applied, now at version {Version}")]
    private static partial void LogMigrated(ILogger logger, string setKey, int ordinal, int appliedCount, int version);
}
