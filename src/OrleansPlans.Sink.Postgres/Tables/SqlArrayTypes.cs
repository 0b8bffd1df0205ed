using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Sink.Postgres.Tables;

/// <summary>The PostgreSQL array type a column's values are sent as (one array parameter per column).</summary>
internal static class SqlArrayTypes
{
    public static string Of(OutputColumn column) => column.Type switch
    {
        ColumnType.Text => "text[]",
        ColumnType.Timestamptz => "timestamptz[]",
        ColumnType.Date => "date[]",
        ColumnType.Integer => "int[]",
        ColumnType.Bigint => "bigint[]",
        ColumnType.Bytea => "bytea[]",
        _ => throw new InvalidOperationException($"Unknown column type {column.Type}."),
    };
}
