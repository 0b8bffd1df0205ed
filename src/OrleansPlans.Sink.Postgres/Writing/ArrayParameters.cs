using Npgsql;
using NpgsqlTypes;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Sink.Postgres.Decoding;

namespace OrleansPlans.Sink.Postgres.Writing;

/// <summary>Typed array parameters for the unnest-based multi-row statements.</summary>
internal static class ArrayParameters
{
    /// <summary>Column <paramref name="index"/> of every record's key (deletes), as one typed array.</summary>
    public static NpgsqlParameter Keys(OutputColumn column, IReadOnlyList<DecodedRecord> records, int index) =>
        For(column, records, index, fromKey: true);

    /// <summary>Column <paramref name="index"/> of every record's values (upserts), as one typed array.</summary>
    public static NpgsqlParameter Values(OutputColumn column, IReadOnlyList<DecodedRecord> records, int index) =>
        For(column, records, index, fromKey: false);

    public static NpgsqlParameter Array(NpgsqlDbType elementType, object values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | elementType, Value = values };

    public static NpgsqlParameter Value(object value) => new() { Value = value };

    private static NpgsqlParameter For(OutputColumn column, IReadOnlyList<DecodedRecord> records, int index, bool fromKey) => column.Type switch
    {
        ColumnType.Text => Array(NpgsqlDbType.Text, Fill<string?>(records, index, fromKey)),
        ColumnType.Timestamptz => Array(NpgsqlDbType.TimestampTz, Fill<DateTime>(records, index, fromKey)),
        ColumnType.Date => Array(NpgsqlDbType.Date, Fill<DateOnly>(records, index, fromKey)),
        ColumnType.Integer => Array(NpgsqlDbType.Integer, Fill<int>(records, index, fromKey)),
        ColumnType.Bigint => Array(NpgsqlDbType.Bigint, Fill<long>(records, index, fromKey)),
        ColumnType.Bytea => Array(NpgsqlDbType.Bytea, Fill<byte[]?>(records, index, fromKey)),
        _ => throw new InvalidOperationException($"Unknown column type {column.Type}."),
    };

    // One pass into the array Npgsql writes; only nullable columns (text, bytea: reference types) hold nulls.
    private static T[] Fill<T>(IReadOnlyList<DecodedRecord> records, int index, bool fromKey)
    {
        var values = new T[records.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (T)(fromKey ? records[i].Key[index] : records[i].Values![index])!;
        }

        return values;
    }
}
