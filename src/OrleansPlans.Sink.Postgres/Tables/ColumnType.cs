namespace OrleansPlans.Sink.Postgres.Tables;

/// <summary>The PostgreSQL types of the contract's columns.</summary>
internal enum ColumnType
{
    Text,
    Timestamptz,
    Date,
    Integer,
    Bigint,
    Bytea,
}
