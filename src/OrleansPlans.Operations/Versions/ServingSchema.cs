using Npgsql;
using OrleansPlans.Sink.Postgres;

namespace OrleansPlans.Operations.Versions;

/// <summary>
/// The schema analysts query (<c>analytics</c>) and the switch that points it at another version. Before the first switch
/// the serving schema holds the base version's tables; a switch makes it a schema of views, one per table and view of the
/// new version's schema (<c>analytics_v2.plans</c> → <c>analytics.plans</c>), so analysts' queries keep their names.
/// </summary>
/// <remarks>
/// The switch is one PostgreSQL transaction (DDL is transactional there): a query sees either every relation of the old
/// version or every relation of the new one, never a mix. It first locks every relation it replaces (access exclusive, in
/// one statement), so it waits for queries and transactions that already read any of them, and queries arriving meanwhile
/// wait for it and then resolve the names anew, onto the new version. An attempt that cannot get its locks within 300 ms
/// rolls back and tries again (for up to a minute), so a reader is never made a deadlock victim of the switch.
/// The serving schema never gets a <c>sink_offsets</c>: an old version's sink still configured for the serving schema
/// cannot commit a batch there (its transaction reads <c>sink_offsets</c> and fails), so it cannot write through the views.
/// </remarks>
public static partial class ServingSchema
{
    private const string OffsetsTable = "sink_offsets";

    /// <summary>How long one attempt waits for its locks before it rolls back and tries again (below PostgreSQL's deadlock_timeout).</summary>
    private static readonly TimeSpan LockAttempt = TimeSpan.FromMilliseconds(300);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(50);

    /// <summary>How long the switch keeps trying to get its locks.</summary>
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(60);

    /// <summary>Reads which version serves.</summary>
    public static async Task<ServingState> ReadAsync(NpgsqlDataSource dataSource, string servingSchema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAsync(connection, null, servingSchema, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Points the serving schema at <paramref name="to"/>'s schema in one transaction: the base version's tables (before
    /// the first switch) move to <c>{schema}_base</c> with their migration history; views of the previous version are
    /// replaced (<c>create or replace</c>, so analysts' own views on them survive) or dropped when the new version lacks
    /// them; the new version's relations get views. Returns the state before the switch.
    /// </summary>
    /// <remarks>
    /// Switching to the version that serves refreshes its views: a view's <c>select *</c> is expanded when it is created,
    /// so tables and columns a later migration added to the serving version's schema appear only then.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The base version serves with its own tables, or the version's schema has no tables (never started).</exception>
    public static async Task<ServingState> SwitchAsync(NpgsqlDataSource dataSource, string servingSchema, PipelineVersion to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(to);
        // Readers holding a relation longer than LockAttempt make the attempt roll back (they are never blocked for long,
        // and never chosen as a deadlock victim); it is tried again until LockWait has passed.
        var retry = SwitchLockRetry.Create(RetryDelay, LockWait, TimeProvider.System);
        try
        {
            return await retry.ExecuteAsync(ct => new ValueTask<ServingState>(TrySwitchAsync(dataSource, servingSchema, to, ct)), cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException busy) when (SwitchLockRetry.IsBusy(busy))
        {
            throw new InvalidOperationException($"Could not lock the relations of {servingSchema} within {LockWait.TotalSeconds:0} s: queries kept them busy. Try again.", busy);
        }
    }

    private static async Task<ServingState> TrySwitchAsync(NpgsqlDataSource dataSource, string servingSchema, PipelineVersion to, CancellationToken cancellationToken)
    {
        var serving = AnalyticsSchema.Quote(servingSchema);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Shorter than PostgreSQL's deadlock_timeout (1 s): a reader waiting for a lock this attempt holds never reaches the
        // deadlock check, because the attempt gives up and rolls back first.
        await ExecuteAsync(connection, transaction, $"set local lock_timeout = '{(int)LockAttempt.TotalMilliseconds}ms'", cancellationToken).ConfigureAwait(false);
        // Two switches at once would each read the same "before"; the second waits here and reads the first's result.
        await ExecuteAsync(connection, transaction, $"select pg_advisory_xact_lock(hashtextextended('orleansplans.serving:{servingSchema}', 0))", cancellationToken).ConfigureAwait(false);
        var before = await ReadAsync(connection, transaction, servingSchema, cancellationToken).ConfigureAwait(false);
        if (before.Serves(to) && before.HoldsTables)
        {
            throw new InvalidOperationException($"Version {to} already serves {servingSchema} with its own tables.");
        }

        var source = before with { HoldsTables = false }; // where the version's tables are once this commits
        var target = source.DataSchemaOf(to);
        var relations = await RelationsAsync(connection, transaction, target, cancellationToken).ConfigureAwait(false);
        if (!relations.Contains(OffsetsTable))
        {
            throw new InvalidOperationException($"Schema {target} has no tables of version {to}: start it first (orleansplans reprocess start {to}).");
        }

        var existingViews = new HashSet<string>(StringComparer.Ordinal);
        if (before.HoldsTables)
        {
            // Renaming a schema locks none of its relations: lock them all first, so a transaction that already read one
            // of them finishes before the switch and everything after it sees only the new version.
            await LockAsync(connection, transaction, servingSchema, await RelationsAsync(connection, transaction, servingSchema, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            var retired = PipelineVersion.Base.RetiredSchema(servingSchema);
            await ExecuteAsync(connection, transaction, $"alter schema {serving} rename to {AnalyticsSchema.Quote(retired)}", cancellationToken).ConfigureAwait(false);
            await MoveHistoryAsync(connection, transaction, AnalyticsSchema.Migrations(servingSchema).Key, AnalyticsSchema.Migrations(retired).Key, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, $"create schema {serving}", cancellationToken).ConfigureAwait(false);
        }
        else if (before.Version is null)
        {
            await ExecuteAsync(connection, transaction, $"create schema {serving}", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // Only the views of the previous version: analysts' own views in the serving schema stay as they are.
            var previous = await RelationsAsync(connection, transaction, source.DataSchemaOf(before.Version), cancellationToken).ConfigureAwait(false);
            existingViews.UnionWith((await RelationsAsync(connection, transaction, servingSchema, cancellationToken, kinds: "'v'").ConfigureAwait(false)).Where(previous.Contains));
            await LockAsync(connection, transaction, servingSchema, existingViews, cancellationToken).ConfigureAwait(false);
        }

        var exposed = relations.Where(r => r != OffsetsTable).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in existingViews.Where(v => !exposed.Contains(v)).Order(StringComparer.Ordinal))
        {
            await ExecuteAsync(connection, transaction, $"drop view {serving}.{Ident(gone)}", cancellationToken).ConfigureAwait(false);
        }

        foreach (var relation in exposed.Order(StringComparer.Ordinal))
        {
            // Replacing in place keeps analysts' views on it; a version whose columns changed is replaced by drop and create.
            var replace = existingViews.Contains(relation) && await SameLeadingColumnsAsync(connection, transaction, servingSchema, target, relation, cancellationToken).ConfigureAwait(false);
            if (existingViews.Contains(relation) && !replace)
            {
                await ExecuteAsync(connection, transaction, $"drop view {serving}.{Ident(relation)}", cancellationToken).ConfigureAwait(false);
            }

            await ExecuteAsync(connection, transaction,
                $"create {(replace ? "or replace " : "")}view {serving}.{Ident(relation)} as select * from {AnalyticsSchema.Quote(target)}.{Ident(relation)}", cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, transaction,
            $"comment on schema {serving} is 'orleansplans: serving version {to} (views onto {target})'", cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return before;
    }
}
