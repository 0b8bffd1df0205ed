using System.Threading.Channels;

namespace OrleansPlans.Persistence.Postgres.Storage;

/// <summary>
/// Group commit across callers: requests queue, and each round trip takes everything queued so far (up to a batch
/// size). With at most <c>concurrency</c> round trips in flight, requests arriving meanwhile gather into the next one,
/// so an idle silo sends each request at once and a busy one sends few, large statements: the cost of a round trip
/// (a PostgreSQL transaction, its parse and commit) is shared by every grain in it instead of paid per grain. With a
/// <c>window</c>, a round trip waits that long after its first request before it takes the queue, so a steady trickle of
/// requests (a paced stream: one user's write, then one plan's, each alone) also shares statements.
/// </summary>
internal abstract class RoundTripBatcher<TRequest, TResult> : IAsyncDisposable
{
    private readonly Channel<PendingRequest> _queue = Channel.CreateUnbounded<PendingRequest>();
    private readonly int _maxBatchSize;
    private readonly TimeSpan _window;
    private readonly Task[] _loops;
    private long _roundTrips;

    protected RoundTripBatcher(int maxBatchSize, int concurrency, TimeSpan window = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero);
        _maxBatchSize = maxBatchSize;
        _window = window;
        _loops = Enumerable.Range(0, concurrency).Select(_ => Task.Run(LoopAsync)).ToArray();
    }

    /// <summary>Round trips made so far (each carried one batch).</summary>
    public long RoundTrips => Interlocked.Read(ref _roundTrips);

    /// <summary>Queues <paramref name="request"/>; completes when the round trip that carried it did.</summary>
    public Task<TResult> RunAsync(TRequest request)
    {
        var pending = new PendingRequest(request);
        Enqueue(pending);
        return pending.Completion.Task;
    }

    /// <summary>Stops taking requests and waits for the queued ones to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_loops).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs one round trip for <paramref name="batch"/> and completes each request it carried out; returns the requests
    /// it left for a later round trip (e.g. a second write of one grain). If it throws, every request of the batch fails
    /// with that exception.
    /// </summary>
    protected abstract Task<IReadOnlyList<PendingRequest>> ExecuteAsync(IReadOnlyList<PendingRequest> batch);

    private void Enqueue(PendingRequest pending)
    {
        if (!_queue.Writer.TryWrite(pending))
        {
            pending.Completion.TrySetException(new ObjectDisposedException(GetType().Name, "The grain state store is shutting down."));
        }
    }

    private async Task LoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<PendingRequest>(_maxBatchSize);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            if (_window > TimeSpan.Zero)
            {
                await Task.Delay(_window).ConfigureAwait(false);
            }

            batch.Clear();
            while (batch.Count < _maxBatchSize && reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            if (batch.Count == 0)
            {
                continue; // another loop took them
            }

            Interlocked.Increment(ref _roundTrips);
            IReadOnlyList<PendingRequest> deferred = [];
            Exception? failure = null;
            try
            {
                deferred = await ExecuteAsync(batch).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                failure = e;
            }

            foreach (var pending in batch)
            {
                if (!deferred.Contains(pending))
                {
                    pending.Completion.TrySetException(failure ?? new InvalidOperationException("The round trip did not carry out this request."));
                }
            }

            foreach (var pending in deferred)
            {
                Enqueue(pending);
            }
        }
    }

    /// <summary>A queued request and its caller's completion (continuations run off the round trip's thread).</summary>
    protected sealed class PendingRequest(TRequest request)
    {
        public TRequest Request { get; } = request;

        public TaskCompletionSource<TResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
