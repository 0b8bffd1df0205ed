using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Domain.Plans;

/// <summary>
/// What a ledger's workflow needs to make its changes durable and visible: the ledger's own storage and emits (a
/// grain's group-committed write and serialized emits in a silo, no-ops or deferred work in memory).
/// </summary>
public interface ILedgerPorts
{
    /// <summary>Completes once everything the ledger changed before the call is durable; fails if that write failed.</summary>
    Task PersistAsync();

    /// <summary>
    /// Emits the ledger's pending row changes through the workflow's emit step, one emit at a time. Called only after
    /// <see cref="PersistAsync"/> succeeded, so no row is seen before the state it comes from is durable.
    /// </summary>
    Task EmitPendingAsync();

    /// <summary>Publishes row changes; completes when they are accepted durably enough to forget them.</summary>
    Task PublishAsync(IReadOnlyList<RowChange> changes);
}
