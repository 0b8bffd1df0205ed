using OrleansPlans.Operations.Status;

namespace OrleansPlans.Dashboard.Status;

/// <summary>
/// Serves status snapshots to many pollers: a <see cref="PipelineStatusReader"/> read opens a Kafka client and a
/// PostgreSQL connection, so every open dashboard tab polling every few seconds must not each cost one. Concurrent
/// callers share the read in flight, and a snapshot is served again for <see cref="MaxAge"/>; a failed read is not kept.
/// </summary>
/// <param name="read">Takes a snapshot (bounded by its own timeout).</param>
/// <param name="owned">Disposed with this source: the reader behind <paramref name="read"/>, if any.</param>
/// <param name="time">The clock that ages snapshots.</param>
internal sealed class SharedPipelineStatusSource(Func<CancellationToken, Task<PipelineStatus>> read, IAsyncDisposable? owned, TimeProvider time)
    : IPipelineStatusSource, IAsyncDisposable
{
    /// <summary>How long a snapshot is served again; shorter than the page's refresh interval.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);

    private readonly Lock _lock = new();
    private Task<PipelineStatus>? _current;
    private DateTimeOffset _startedAt;

    /// <summary>Over a reader, which this source then owns.</summary>
    public static SharedPipelineStatusSource Over(PipelineStatusReader reader, TimeProvider time) => new(reader.ReadAsync, reader, time);

    public Task<PipelineStatus> ReadAsync(CancellationToken cancellationToken)
    {
        Task<PipelineStatus> current;
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (_current is null || (_current.IsCompleted && (!_current.IsCompletedSuccessfully || now - _startedAt >= MaxAge)))
            {
                // Not the caller's token: the read is shared, and one client going away must not fail the others.
                _current = read(CancellationToken.None);
                _startedAt = now;
            }

            current = _current;
        }

        return current.WaitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
