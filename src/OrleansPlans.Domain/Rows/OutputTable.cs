namespace OrleansPlans.Domain.Rows;

/// <summary>
/// The description of an output table: its columns in table (and JSON) order, the first <see cref="KeyCount"/>
/// forming the primary key (and, joined by <see cref="RowFormat"/>, the output topic's record key).
/// </summary>
public sealed class OutputTable(string name, int keyCount, params OutputColumn[] columns)
{
    /// <summary>The table's name (<see cref="OutputTables"/>).</summary>
    public string Name { get; } = name;

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<OutputColumn> Columns { get; } = columns;

    /// <summary>How many leading columns form the key.</summary>
    public int KeyCount { get; } = keyCount;

    /// <summary>The key columns.</summary>
    public IEnumerable<OutputColumn> KeyColumns => Columns.Take(KeyCount);
}
