using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Sink.Postgres.Tables;

/// <summary>A replicated table (its <see cref="OutputTable"/> description) and the statements that write it.</summary>
internal sealed class SinkTable(OutputTable description)
{
    public string Name => description.Name;

    public IReadOnlyList<OutputColumn> Columns => description.Columns;

    public int KeyCount => description.KeyCount;

    public IEnumerable<OutputColumn> KeyColumns => description.KeyColumns;

    /// <summary>Multi-row upsert: one array parameter per column, unnested into rows.</summary>
    public string UpsertSql(string quotedSchema)
    {
        var names = string.Join(", ", Columns.Select(c => c.Name));
        var arrays = string.Join(", ", Columns.Select((c, i) => $"${i + 1}::{SqlArrayTypes.Of(c)}"));
        var keys = string.Join(", ", KeyColumns.Select(c => c.Name));
        var updates = string.Join(", ", Columns.Skip(KeyCount).Select(c => $"{c.Name} = excluded.{c.Name}"));
        return $"insert into {quotedSchema}.{Name} ({names}) select * from unnest({arrays}) on conflict ({keys}) do update set {updates}";
    }

    /// <summary>Multi-row delete by primary key: one array parameter per key column.</summary>
    public string DeleteSql(string quotedSchema)
    {
        var keys = KeyColumns.ToArray();
        var arrays = string.Join(", ", keys.Select((c, i) => $"${i + 1}::{SqlArrayTypes.Of(c)}"));
        var aliases = string.Join(", ", keys.Select(c => c.Name));
        var match = string.Join(" and ", keys.Select(c => $"t.{c.Name} = u.{c.Name}"));
        return $"delete from {quotedSchema}.{Name} t using unnest({arrays}) as u({aliases}) where {match}";
    }
}
