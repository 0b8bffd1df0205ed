namespace OrleansPlans.Domain.Rows;

/// <summary>One column of an output table, named as in the table and in the row's JSON value.</summary>
/// <param name="Name">The column's and the JSON property's name.</param>
/// <param name="Type">Its type.</param>
/// <param name="Nullable">Whether a row may leave it null (JSON <c>null</c>).</param>
/// <param name="AllowedValues">For a text column with a fixed set of values: that set.</param>
public sealed record OutputColumn(string Name, ColumnType Type, bool Nullable = false, IReadOnlySet<string>? AllowedValues = null);
