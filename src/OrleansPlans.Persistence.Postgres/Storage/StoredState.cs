namespace OrleansPlans.Persistence.Postgres.Storage;

/// <summary>A grain state as stored: its version (the ETag), payload and parts (empty unless parted), or <see cref="None"/>.</summary>
internal readonly record struct StoredState(long Version, byte[]? Payload, IReadOnlyList<KeyValuePair<string, byte[]>> Parts)
{
    /// <summary>No row: the grain never wrote this state (or cleared it).</summary>
    public static StoredState None => new(0, null, []);

    /// <summary>True when a row exists.</summary>
    public bool Exists => Version > 0;
}
