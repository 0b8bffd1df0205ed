using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace OrleansPlans.Postgres.Migrations;

/// <summary>
/// Applies a <see cref="MigrationSet"/> to a PostgreSQL database: pending versions in ascending order, each in its
/// own transaction together with its row in <c>schema_migrations</c>. A session advisory lock serializes
/// concurrent callers (several silos starting at once), so each version is applied exactly once.
/// </summary>
/// <remarks>
/// The history table and unqualified names in the scripts go to the first schema of the connection's search_path.
/// The advisory lock needs a session-level connection: use a direct connection, not a transaction-pooling proxy.
/// </remarks>
public static partial class PostgresMigrator
{
    /// <summary>The advisory lock key held while migrating ("OPMIGRAT" as ASCII); shared by every migration set.</summary>
    public const long AdvisoryLockKey = 0x4F504D4947524154;

    /// <summary>The table that records applied migrations: (set_key, version, name, checksum, applied_at).</summary>
    public const string HistoryTable = "schema_migrations";

    /// <summary>Applies the pending migrations of <paramref name="set"/>; a no-op when all are applied.</summary>
    /// <exception cref="InvalidOperationException">An applied script was edited since (checksum mismatch).</exception>
    public static Task<MigrationReport> ApplyAsync(NpgsqlDataSource dataSource, MigrationSet set, CancellationToken cancellationToken = default) =>
        ApplyAsync(dataSource, set, NullLogger.Instance, cancellationToken);

    /// <summary>Applies the pending migrations of <paramref name="set"/>, logging each one applied.</summary>
    /// <exception cref="InvalidOperationException">An applied script was edited since (checksum mismatch).</exception>
    public static async Task<MigrationReport> ApplyAsync(NpgsqlDataSource dataSource, MigrationSet set, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(logger);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"select pg_advisory_lock({AdvisoryLockKey})", cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, CreateHistoryTableSql, cancellationToken).ConfigureAwait(false);
            var history = await ReadHistoryAsync(connection, set.Key, cancellationToken).ConfigureAwait(false);
            VerifyChecksums(set, history);

            var applied = new List<Migration>();
            foreach (var migration in set.Migrations.Where(m => !history.ContainsKey(m.Version)))
            {
                var elapsed = Stopwatch.StartNew();
                await ApplyOneAsync(connection, set.Key, migration, cancellationToken).ConfigureAwait(false);
                LogMigrationApplied(logger, set.Key, migration.Version, migration.Name, elapsed.ElapsedMilliseconds);
                applied.Add(migration);
            }

            var current = Math.Max(history.Count == 0 ? 0 : history.Keys.Max(), applied.Count == 0 ? 0 : applied[^1].Version);
            if (applied.Count == 0)
            {
                LogSchemaUpToDate(logger, set.Key, current);
            }

            return new MigrationReport(set.Key, applied, current);
        }
        finally
        {
            // Released with the session anyway; unlocking explicitly lets the next silo go on at once.
            await ExecuteAsync(connection, $"select pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private const string CreateHistoryTableSql = $"""
        create table if not exists {HistoryTable} (
            set_key    varchar(64)  not null,
            version    integer      not null,
            name       text         not null,
            checksum   char(64)     not null,
            applied_at timestamptz  not null default now(),
            primary key (set_key, version)
        )
        """;

    private static async Task ApplyOneAsync(NpgsqlConnection connection, string setKey, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var script = new NpgsqlCommand(migration.Sql, connection, transaction))
        {
            await script.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var record = new NpgsqlCommand($"insert into {HistoryTable} (set_key, version, name, checksum) values ($1, $2, $3, $4)", connection, transaction))
        {
            record.Parameters.Add(new NpgsqlParameter { Value = setKey });
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Version });
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Name });
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Checksum });
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Dictionary<int, string>> ReadHistoryAsync(NpgsqlConnection connection, string setKey, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"select version, checksum from {HistoryTable} where set_key = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = setKey });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var history = new Dictionary<int, string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            history[reader.GetInt32(0)] = reader.GetString(1);
        }

        return history;
    }

    private static void VerifyChecksums(MigrationSet set, Dictionary<int, string> history)
    {
        var edited = set.Migrations
            .Where(m => history.TryGetValue(m.Version, out var recorded) && !string.Equals(recorded, m.Checksum, StringComparison.Ordinal))
            .Select(m => $"{m.Version:D4}_{m.Name}")
            .ToArray();
        if (edited.Length > 0)
        {
            throw new InvalidOperationException(
                $"Migration set '{set.Key}': applied script(s) {string.Join(", ", edited)} differ from the recorded checksum. " +
                "Released migrations must not be edited; add a new numbered migration instead.");
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Applied migration {SetKey} {Version} ({Name}) in {ElapsedMilliseconds} ms")]
    private static partial void LogMigrationApplied(ILogger logger, string setKey, int version, string name, long elapsedMilliseconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Schema {SetKey} is up to date at version {Version}")]
    private static partial void LogSchemaUpToDate(ILogger logger, string setKey, int version);
}
