using Npgsql;
using NpgsqlTypes;
using OrleansPlans.Sink.Postgres.Tables;

namespace OrleansPlans.Sink.Postgres.Writing;

/// <summary>Typed array parameters for the unnest-based multi-row statements.</summary>
internal static class ArrayParameters
{
    public static NpgsqlParameter For(SinkColumn column, IReadOnlyList<object?> values) => column.Type switch
    {
        ColumnType.Text => Array(NpgsqlDbType.Text, values.Select(v => (string?)v).ToArray()),
        ColumnType.Timestamptz => Array(NpgsqlDbType.TimestampTz, values.Select(v => (DateTime)v!).ToArray()),
        ColumnType.Date => Array(NpgsqlDbType.Date, values.Select(v => (DateOnly)v!).ToArray()),
        ColumnType.Integer => Array(NpgsqlDbType.Integer, values.Select(v => (int)v!).ToArray()),
        ColumnType.Bigint => Array(NpgsqlDbType.Bigint, values.Select(v => (long)v!).ToArray()),
        ColumnType.Bytea => Array(NpgsqlDbType.Bytea, values.Select(v => (byte[]?)v).ToArray()),
        _ => throw new InvalidOperationException($"Unknown column type {column.Type}."),
    };

    public static NpgsqlParameter Array(NpgsqlDbType elementType, object values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | elementType, Value = values };

    public static NpgsqlParameter Value(object value) => new() { Value = value };
}
