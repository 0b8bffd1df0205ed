using System.Text;

namespace OrleansPlans.Oracle;

/// <summary>
/// The content of the contract's section-3 tables in one comparable shape: per table, row key
/// (primary-key columns joined with <c>|</c>) to row JSON exactly as the output topic carries it.
/// Dead letters carry a null value because only their positions are compared.
/// </summary>
public sealed class CanonicalTables
{
    private readonly Dictionary<string, SortedDictionary<string, string?>> tables;

    private CanonicalTables()
    {
        tables = new Dictionary<string, SortedDictionary<string, string?>>(StringComparer.Ordinal);
        foreach (var name in TableNames.All)
        {
            tables[name] = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        }
    }

    /// <summary>Every table of <see cref="TableNames.All"/>, each present even when empty.</summary>
    public IReadOnlyDictionary<string, SortedDictionary<string, string?>> Tables => tables;

    /// <summary>Total number of rows over all tables.</summary>
    public int RowCount => tables.Values.Sum(t => t.Count);

    /// <summary>The rows of one table (see <see cref="TableNames"/>).</summary>
    public SortedDictionary<string, string?> this[string table] =>
        tables.TryGetValue(table, out var rows) ? rows : throw new ArgumentException($"Unknown table '{table}'.", nameof(table));

    /// <summary>All eight tables, empty; fill them with <see cref="Add(string, KeyValuePair{string, string?})"/>.</summary>
    public static CanonicalTables Empty() => new();

    /// <summary>Adds one row; a second row with the same key is an error (it would hide a duplicate).</summary>
    public void Add(string table, KeyValuePair<string, string?> row) => Add(table, row.Key, row.Value);

    /// <summary>Adds one row; a second row with the same key is an error (it would hide a duplicate).</summary>
    public void Add(string table, string key, string? value)
    {
        if (!this[table].TryAdd(key, value))
        {
            throw new InvalidOperationException($"Table '{table}' already has a row with key '{key}'.");
        }
    }

    /// <summary>
    /// Compares this (the expectation) with <paramref name="actual"/>: "" when every table is equal,
    /// otherwise a count and the first <paramref name="max"/> differing rows with both values.
    /// </summary>
    public string DescribeDifferences(CanonicalTables actual, int max = 20)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var lines = new List<string>();
        var total = 0;
        foreach (var name in TableNames.All)
        {
            var expectedRows = this[name];
            var actualRows = actual[name];
            foreach (var key in expectedRows.Keys.Union(actualRows.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var inExpected = expectedRows.TryGetValue(key, out var expected);
                var inActual = actualRows.TryGetValue(key, out var got);
                string? line = (inExpected, inActual) switch
                {
                    (true, false) => $"{name} [{key}] missing; expected {Show(expected)}",
                    (false, true) => $"{name} [{key}] extra; actual {Show(got)}",
                    _ when !string.Equals(expected, got, StringComparison.Ordinal) =>
                        $"{name} [{key}] differs; expected {Show(expected)} actual {Show(got)}",
                    _ => null,
                };
                if (line is null)
                {
                    continue;
                }

                total++;
                if (lines.Count < max)
                {
                    lines.Add(line);
                }
            }
        }

        if (total == 0)
        {
            return "";
        }

        var text = new StringBuilder();
        text.Append(total).Append(" differing row(s)");
        text.Append(total > lines.Count ? $", first {lines.Count}:" : ":").AppendLine();
        foreach (var line in lines)
        {
            text.Append("  ").AppendLine(line);
        }

        text.Append("  row counts expected/actual: ");
        text.AppendJoin(", ", TableNames.All.Select(n => $"{n} {this[n].Count}/{actual[n].Count}"));
        return text.ToString();
    }

    /// <summary>A copy with <paramref name="table"/> empty: what a deployment that does not compute that table holds.</summary>
    public CanonicalTables WithEmpty(string table)
    {
        var copy = new CanonicalTables();
        foreach (var (name, rows) in tables)
        {
            if (name != table)
            {
                foreach (var (key, value) in rows)
                {
                    copy.Add(name, key, value);
                }
            }
        }

        _ = copy[table]; // an unknown table is an error, not an empty copy of everything
        return copy;
    }

    private static string Show(string? value) => value ?? "(null)";
}
