using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Grains.Projection;

/// <summary>
/// Where grains emit row changes (the projector). Implementations must be idempotent per key: the same change may
/// be emitted again after a crash, and only the latest change of a key matters.
/// </summary>
public interface IRowSink
{
    /// <summary>Emits changes; completes when they are accepted durably enough to forget them.</summary>
    Task PublishAsync(IReadOnlyList<RowChange> changes);
}
