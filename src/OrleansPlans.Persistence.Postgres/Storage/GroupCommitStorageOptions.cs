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

    /// <summary>
    /// Prefixes every state name as <c>{namespace}/{state}</c> (default empty: no prefix), so two deployments on one
    /// database keep apart states the ADO.NET storage would keep apart by service id: a reprocessing version of the
    /// pipeline (<c>Pipeline:Version</c>) runs beside the serving one with the same grain ids. Letters, digits, '_' and '-'.
    /// </summary>
    public string Namespace { get; set; } = "";

    /// <summary>The stored state name of <paramref name="stateName"/> in <see cref="Namespace"/>.</summary>
    public string StoredStateName(string stateName) => Namespace.Length == 0 ? stateName : $"{Namespace}/{stateName}";
}
