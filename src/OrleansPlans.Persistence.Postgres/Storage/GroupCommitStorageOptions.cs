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
    /// How long a write round trip waits after its first write for others to join it (default 2 ms; zero sends at
    /// once). Without it a paced stream sends each grain's write alone, because no round trip is in flight when the next
    /// write arrives; with it a silo sends at most <see cref="MaxConcurrentRoundTrips"/> write statements per window
    /// however many grains write. Each write waits up to this long more. Reads never wait: an activation is waiting.
    /// </summary>
    public TimeSpan WriteWindow { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// Prefixes every state name as <c>{namespace}/{state}</c> (default empty: no prefix), so two deployments on one
    /// database keep apart states the ADO.NET storage would keep apart by service id: a reprocessing version of the
    /// pipeline (<c>Pipeline:Version</c>) runs beside the serving one with the same grain ids. Letters, digits, '_' and '-'.
    /// </summary>
    public string Namespace { get; set; } = "";

    /// <summary>The stored state name of <paramref name="stateName"/> in <see cref="Namespace"/>.</summary>
    public string StoredStateName(string stateName) => Namespace.Length == 0 ? stateName : $"{Namespace}/{stateName}";
}
