using Npgsql;
using OrleansPlans.Sink.Postgres;

namespace OrleansPlans.Operations.Versions;

/// <summary>
/// Removes a version that no longer serves from PostgreSQL, in one transaction: its analytics schema (tables, offsets,
/// migration history), its grain states and parts in the group-commit storage (state names <c>{version}/…</c>; the base
/// version's have no prefix) and its Orleans cluster's membership rows. Its Kafka topics and consumer groups are left to
/// the operator (their readers may still be moving over).
/// </summary>
public static class VersionDrop
{
    /// <summary>Drops <paramref name="version"/>; <paramref name="clusterId"/> is its Orleans cluster id.</summary>
    /// <exception cref="InvalidOperationException">The version serves (or the serving schema still holds its tables).</exception>
    public static async Task<VersionDropReport> DropAsync(NpgsqlDataSource dataSource, string servingSchema, PipelineVersion version, string clusterId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(version);
        var state = await ServingSchema.ReadAsync(dataSource, servingSchema, cancellationToken).ConfigureAwait(false);
        if (state.Serves(version) || (version.IsBase && state.HoldsTables))
        {
            throw new InvalidOperationException($"Version {version} serves {servingSchema}: switch to another version first (orleansplans reprocess switch VERSION).");
        }

        var schema = version.RetiredSchema(servingSchema);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var exists = (await ScalarAsync(connection, transaction, "select count(*) from pg_namespace where nspname = $1", cancellationToken, schema)) > 0;
        if (exists)
        {
            await ScalarAsync(connection, transaction, $"drop schema {AnalyticsSchema.Quote(schema)} cascade", cancellationToken);
            await ScalarAsync(connection, transaction, $"delete from {Postgres.Migrations.PostgresMigrator.HistoryTable} where set_key = $1", cancellationToken, AnalyticsSchema.Migrations(schema).Key);
        }

        // The base version's states are the ones without a namespace prefix (state names themselves have no '/').
        var ofVersion = version.IsBase ? "position('/' in state_name) = 0" : "starts_with(state_name, $1 || '/')";
        var parameter = version.IsBase ? null : version.StateNamespace;
        await ScalarAsync(connection, transaction, $"delete from grain_state_part where {ofVersion}", cancellationToken, parameter);
        var states = await ScalarAsync(connection, transaction, $"with deleted as (delete from grain_state where {ofVersion} returning 1) select count(*) from deleted", cancellationToken, parameter);
        var silos = await ScalarAsync(connection, transaction, "with deleted as (delete from orleans_membership where deployment_id = $1 returning 1) select count(*) from deleted", cancellationToken, clusterId);
        await ScalarAsync(connection, transaction, "delete from orleans_membership_version where deployment_id = $1", cancellationToken, clusterId);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new VersionDropReport(exists ? schema : null, states, silos);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, string? parameter = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        if (parameter is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long count ? count : 0;
    }
}
