using System.Text.RegularExpressions;
using Npgsql;
using OrleansPlans.Postgres.Migrations;
using OrleansPlans.Sink.Postgres;

namespace OrleansPlans.Operations.Versions;

/// <summary>The catalog reads and statements the switch is made of.</summary>
public static partial class ServingSchema
{
    private static async Task<ServingState> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string servingSchema, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            select obj_description(n.oid, 'pg_namespace'),
                   exists (select 1 from pg_class c where c.relnamespace = n.oid and c.relname = 'sink_offsets' and c.relkind in ('r', 'p'))
            from pg_namespace n where n.nspname = $1
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = servingSchema });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return new ServingState(servingSchema, null, HoldsTables: false);
        }

        var comment = reader.IsDBNull(0) ? "" : reader.GetString(0);
        if (reader.GetBoolean(1))
        {
            return new ServingState(servingSchema, PipelineVersion.Base, HoldsTables: true);
        }

        var match = ServingComment().Match(comment);
        return new ServingState(servingSchema, match.Success ? PipelineVersion.Parse(match.Groups[1].Value) : null, HoldsTables: false);
    }

    /// <summary>Names of the tables and views (or only <paramref name="kinds"/>) in <paramref name="schema"/>.</summary>
    internal static async Task<HashSet<string>> RelationsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string schema, CancellationToken cancellationToken, string kinds = "'r', 'p', 'v', 'm'")
    {
        await using var command = new NpgsqlCommand(
            $"select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relkind in ({kinds})", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        var names = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    // "create or replace view" may only add columns at the end: the old view's columns must lead the new relation's.
    private static async Task<bool> SameLeadingColumnsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string servingSchema, string target, string relation, CancellationToken cancellationToken)
    {
        var old = await ColumnsAsync(connection, transaction, servingSchema, relation, cancellationToken).ConfigureAwait(false);
        var next = await ColumnsAsync(connection, transaction, target, relation, cancellationToken).ConfigureAwait(false);
        return old.Count <= next.Count && old.SequenceEqual(next.Take(old.Count));
    }

    private static async Task<List<string>> ColumnsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, string relation, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "select column_name || ' ' || data_type from information_schema.columns where table_schema = $1 and table_name = $2 order by ordinal_position",
            connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        command.Parameters.Add(new NpgsqlParameter { Value = relation });
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    // One statement for all relations: a reader holding one of them makes the switch wait, never half-done.
    private static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, IReadOnlyCollection<string> relations, CancellationToken cancellationToken)
    {
        if (relations.Count > 0)
        {
            var names = string.Join(", ", relations.Order(StringComparer.Ordinal).Select(r => $"{AnalyticsSchema.Quote(schema)}.{Ident(r)}"));
            await ExecuteAsync(connection, transaction, $"lock table {names} in access exclusive mode", cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task MoveHistoryAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string from, string to, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"update {PostgresMigrator.HistoryTable} set set_key = $2 where set_key = $1", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        command.Parameters.Add(new NpgsqlParameter { Value = to });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // Relation names come from the catalog of a validated schema; quoting keeps any name an identifier.
    private static string Ident(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    [GeneratedRegex("^orleansplans: serving version ([a-z][a-z0-9_]{0,19}) ")]
    private static partial Regex ServingComment();
}
