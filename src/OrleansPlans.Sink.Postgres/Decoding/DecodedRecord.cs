using OrleansPlans.Sink.Postgres.Tables;

namespace OrleansPlans.Sink.Postgres.Decoding;

/// <summary>An output record turned into column values: an upsert (<see cref="Values"/> set) or a delete.</summary>
/// <param name="Table">The table.</param>
/// <param name="Key">The primary-key values, in key-column order.</param>
/// <param name="Identity">The key as text; equal identities mean the same table row.</param>
/// <param name="Values">All column values in table order, or null for a tombstone.</param>
internal sealed record DecodedRecord(SinkTable Table, object[] Key, string Identity, object?[]? Values);
