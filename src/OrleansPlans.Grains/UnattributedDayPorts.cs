using OrleansPlans.Domain.Plans;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Grains.Projection;
using OrleansPlans.Grains.State;

namespace OrleansPlans.Grains;

/// <summary>An unattributed-day grain's view of its storage (group-committed), its emits (one at a time) and the projector.</summary>
internal sealed class UnattributedDayPorts(IRowSink sink, WriteBehind writes, SerialEmits emits) : ILedgerPorts
{
    public Task PersistAsync() => writes.FlushAsync();

    public Task EmitPendingAsync() => emits.RunAsync();

    public Task PublishAsync(IReadOnlyList<RowChange> changes) => sink.PublishAsync(changes);
}
