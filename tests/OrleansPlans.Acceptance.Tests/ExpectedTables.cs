using OrleansPlans.Oracle;

namespace OrleansPlans.Acceptance.Tests;

/// <summary>
/// The oracle's tables for the generated records, computed up front from the generator's positions (fresh topics give
/// the same offsets); <see cref="For"/> recomputes only if Kafka placed the records elsewhere.
/// </summary>
internal sealed class ExpectedTables(IReadOnlyList<RawRecord> generated, CanonicalTables tables, OracleStatistics statistics)
{
    /// <summary>What the data set contains, for the test output.</summary>
    public string Summary =>
        $"oracle: {generated.Count} records, {tables.RowCount} rows; merges applied {statistics.MergesApplied}, refused " +
        $"{statistics.MergesRefusedSelf + statistics.MergesRefusedConflict + statistics.MergesRefusedCycle}; duplicates " +
        $"{statistics.DuplicatesIgnored.Values.Sum()}; late {statistics.LateEvents}; invalid {statistics.InvalidByReason.Values.Sum()}";

    /// <summary>The expectation (at the tables' timestamp precision) for the records at the positions Kafka gave them.</summary>
    public CanonicalTables For(IReadOnlyList<RawRecord> produced)
    {
        var samePositions = produced.Count == generated.Count && produced.Zip(generated).All(p =>
            p.First.Topic == p.Second.Topic && p.First.Partition == p.Second.Partition && p.First.Offset == p.Second.Offset);
        return TablePrecision.ToTimestamptz(samePositions ? tables : BatchOracle.Compute(produced), out _);
    }
}
