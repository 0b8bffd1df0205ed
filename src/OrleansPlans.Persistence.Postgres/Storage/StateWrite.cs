namespace OrleansPlans.Persistence.Postgres.Storage;

/// <summary>
/// One grain's write: replace the state <paramref name="Key"/> if its version is still <paramref name="ExpectedVersion"/>
/// (0: no row yet), or delete it when <paramref name="Payload"/> is null (a clear).
/// </summary>
internal sealed record StateWrite(StateKey Key, long ExpectedVersion, byte[]? Payload);
