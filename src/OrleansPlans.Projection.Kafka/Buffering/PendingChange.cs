using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Projection.Kafka.Buffering;

/// <summary>
/// The latest change of one (table, key) waiting to be produced, and the completion every publisher of that key
/// since the last flush waits for: a later change replaces the row but keeps the waiters.
/// </summary>
internal sealed class PendingChange(RowChange change)
{
    private readonly TaskCompletionSource _acknowledged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The change to produce; replaced (under the shard's lock) while the change is still buffered.</summary>
    public RowChange Change { get; set; } = change;

    /// <summary>Completes when Kafka acknowledged the record carrying <see cref="Change"/>.</summary>
    public Task Acknowledged => _acknowledged.Task;

    public void Succeed() => _acknowledged.TrySetResult();

    public void Fail(Exception error) => _acknowledged.TrySetException(error);
}
