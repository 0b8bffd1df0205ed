using OrleansPlans.Oracle.Computation;

namespace OrleansPlans.Oracle;

/// <summary>
/// The independent judge: a deliberately naive batch implementation of CONTRACT.md (plus the team's
/// interpretations) that computes what every table must hold once all records are consumed.
/// </summary>
public static class BatchOracle
{
    /// <summary>
    /// The expected tables. Arrival order matters only for deciding merges (and so for which record of a
    /// conflicting pair is dead-lettered, and which copy of a duplicate counts); everything else depends
    /// only on the set of distinct valid events.
    /// </summary>
    public static CanonicalTables Compute(IEnumerable<RawRecord> recordsInArrivalOrder) =>
        TableBuilder.Build(new OracleRun(recordsInArrivalOrder));

    /// <summary>The expected tables plus statistics about which rules the records exercise.</summary>
    public static OracleResult Run(IEnumerable<RawRecord> recordsInArrivalOrder)
    {
        var run = new OracleRun(recordsInArrivalOrder);
        return new OracleResult(TableBuilder.Build(run), StatisticsBuilder.Build(run));
    }
}
