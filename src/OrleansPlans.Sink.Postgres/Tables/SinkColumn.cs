namespace OrleansPlans.Sink.Postgres.Tables;

/// <summary>One column of a replicated table, named as in the table and in the record's JSON.</summary>
internal sealed record SinkColumn(string Name, ColumnType Type, bool Nullable = false, IReadOnlySet<string>? AllowedValues = null)
{
    public string SqlArrayType => Type switch
    {
        ColumnType.Text => "text[]",
        ColumnType.Timestamptz => "timestamptz[]",
        ColumnType.Date => "date[]",
        ColumnType.Integer => "int[]",
        ColumnType.Bigint => "bigint[]",
        ColumnType.Bytea => "bytea[]",
        _ => throw new InvalidOperationException($"Unknown column type {Type}."),
    };
}
