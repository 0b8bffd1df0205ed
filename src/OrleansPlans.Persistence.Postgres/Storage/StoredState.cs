namespace OrleansPlans.Persistence.Postgres.Storage;

/// <summary>A grain state as stored: its version (the ETag) and payload, or <see cref="None"/>.</summary>
internal readonly record struct StoredState(long Version, byte[]? Payload)
{
    /// <summary>No row: the grain never wrote this state (or cleared it).</summary>
    public static StoredState None => default;

    /// <summary>True when a row exists.</summary>
    public bool Exists => Version > 0;
}
