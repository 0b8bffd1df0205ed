namespace OrleansPlans.Oracle;

/// <summary>The expected tables of a batch run together with what the run saw.</summary>
/// <param name="Tables">The expected section-3 tables.</param>
/// <param name="Statistics">Counts of each rule coming into play.</param>
public sealed record OracleResult(CanonicalTables Tables, OracleStatistics Statistics);
