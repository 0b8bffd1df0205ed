using OrleansPlans.Domain.Rows;
using OrleansPlans.Oracle;

namespace OrleansPlans.Testing;

/// <summary>
/// The scenario the cluster tests run whatever carries the records (memory streams into a cluster, or Kafka through
/// the stream provider): records generated over ten days across a month boundary, and the wait until the tables the
/// cluster produced equal the oracle's over the records where they were actually placed. Only the transport and what
/// happens to the silos meanwhile differ between the tests.
/// </summary>
public static class OracleScenario
{
    /// <summary>Ten days from 24 February: usage on both sides of a month boundary (<c>plan_usage_monthly</c>).</summary>
    public static readonly DateTime StartUtc = new(2026, 2, 24, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The records of a scenario: <paramref name="options"/> from <see cref="StartUtc"/>.</summary>
    public static IReadOnlyList<RawRecord> Generate(GeneratorOptions options) =>
        new EventGenerator(options with { StartUtc = StartUtc }).Generate();

    /// <summary>
    /// Rows in the oracle's canonical form. Dead letters count by key only (when a record was refused is not the
    /// oracle's to know), plus <paramref name="deadLetterKeys"/> read from wherever else they went.
    /// </summary>
    public static CanonicalTables Canonical(IEnumerable<OutputRow> rows, IEnumerable<string>? deadLetterKeys = null)
    {
        var tables = CanonicalTables.Empty();
        foreach (var row in rows)
        {
            tables.Add(row.Table, row.Key, row is DeadLetterRow ? null : RowJson.ToText(row));
        }

        foreach (var key in deadLetterKeys ?? [])
        {
            tables.Add(OutputTables.DeadLetters, key, null);
        }

        return tables;
    }

    /// <summary>Waits until <paramref name="read"/> equals the oracle over <paramref name="placed"/>; fails with the differences.</summary>
    public static async Task AssertEqualsOracleAsync(IReadOnlyList<RawRecord> placed, Func<CanonicalTables> read, TimeSpan deadline, TimeSpan poll)
    {
        var expected = BatchOracle.Compute(placed);
        var differences = "";
        await Eventually.HoldsAsync(() =>
        {
            differences = expected.DescribeDifferences(read());
            return differences.Length == 0;
        }, deadline, () => differences, poll);
    }
}
