namespace OrleansPlans.Persistence.Postgres.Storage;

/// <summary>
/// One grain's write: replace the state <paramref name="Key"/> if its version is still <paramref name="ExpectedVersion"/>
/// (0: no row yet), or delete it with its parts when <paramref name="Payload"/> is null (a clear). <paramref name="Parts"/>,
/// for a parted state, are the parts to upsert (or delete, when null) under the same version check.
/// </summary>
internal sealed record StateWrite(StateKey Key, long ExpectedVersion, byte[]? Payload, IReadOnlyDictionary<string, byte[]?>? Parts = null);
