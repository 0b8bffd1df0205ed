namespace OrleansPlans.Persistence.Postgres.Storage;

/// <summary>How <see cref="GroupCommitGrainStorage"/> groups the reads and writes of a silo's grains into round trips.</summary>
public sealed class GroupCommitStorageOptions
{
    /// <summary>The most grain states one round trip reads or writes (default 1,000).</summary>
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>
    /// Round trips of one kind (reads, writes) in flight at once (default 2): while one is in flight the next batch
    /// gathers, so a busy silo sends few, large statements and an idle one sends each request at once.
    /// </summary>
    public int MaxConcurrentRoundTrips { get; set; } = 2;
}
