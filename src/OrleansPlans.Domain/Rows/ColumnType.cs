namespace OrleansPlans.Domain.Rows;

/// <summary>
/// The type of an output table's column, named after the PostgreSQL type the analytics tables give it. In a row's
/// JSON value: <see cref="Text"/>, <see cref="Timestamptz"/> (RFC 3339, UTC) and <see cref="Date"/> (<c>yyyy-MM-dd</c>)
/// are strings, <see cref="Integer"/> and <see cref="Bigint"/> numbers, <see cref="Bytea"/> a base64 string.
/// </summary>
public enum ColumnType
{
    /// <summary>Text.</summary>
    Text,

    /// <summary>An instant.</summary>
    Timestamptz,

    /// <summary>A calendar day.</summary>
    Date,

    /// <summary>A 32-bit integer.</summary>
    Integer,

    /// <summary>A 64-bit integer.</summary>
    Bigint,

    /// <summary>Bytes.</summary>
    Bytea,
}
