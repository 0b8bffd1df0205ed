using Confluent.Kafka;
using OrleansPlans.Sink.Postgres.Writing;

namespace OrleansPlans.Sink.Postgres;

public sealed partial class PostgresTableSink
{
    private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? _failure;

    /// <summary>
    /// The offset up to which each partition is reflected in the tables (committed), as far as this sink knows:
    /// the stored offsets at start, then each applied batch, and a partition's end once it was reached.
    /// </summary>
    public IReadOnlyDictionary<TopicPartition, long> AppliedOffsets => new Dictionary<TopicPartition, long>(_applied);

    /// <summary>The output topics' current high watermarks (see <see cref="OutputTopicOffsets.ReadHighWatermarksAsync"/>).</summary>
    public Task<IReadOnlyDictionary<TopicPartition, long>> ReadHighWatermarksAsync(CancellationToken cancellationToken = default) =>
        OutputTopicOffsets.ReadHighWatermarksAsync(_options, cancellationToken);

    /// <summary>Reads the high watermarks now and waits until the tables reflect everything below them.</summary>
    public async Task WaitUntilCaughtUpAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var ends = await ReadHighWatermarksAsync(cancellationToken).ConfigureAwait(false);
        await WaitUntilCaughtUpAsync(ends, timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Completes once every partition in <paramref name="endOffsets"/> is applied (committed to the tables) up to at least
    /// its offset. No polling: each committed batch wakes the waiters.
    /// </summary>
    /// <exception cref="TimeoutException">Not caught up within <paramref name="timeout"/>; the message lists the lagging partitions.</exception>
    /// <exception cref="InvalidOperationException">The sink stopped with an error.</exception>
    public async Task WaitUntilCaughtUpAsync(IReadOnlyDictionary<TopicPartition, long> endOffsets, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endOffsets);
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        while (true)
        {
            var progressed = Volatile.Read(ref _progress).Task;
            if (Volatile.Read(ref _failure) is { } failure)
            {
                throw new InvalidOperationException("The PostgreSQL sink stopped with an error.", failure);
            }

            var lagging = endOffsets.Where(p => _applied.GetValueOrDefault(p.Key, 0) < p.Value).ToList();
            if (lagging.Count == 0)
            {
                return;
            }

            try
            {
                await progressed.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"The PostgreSQL sink did not catch up within {timeout}; lagging: " +
                    string.Join(", ", lagging.Take(10).Select(p => $"{p.Key.Topic} [{p.Key.Partition.Value}] at {_applied.GetValueOrDefault(p.Key, 0)} of {p.Value}")));
            }
        }
    }

    private void Advance(SinkBatch batch)
    {
        foreach (var (partition, next) in batch.NextOffsets)
        {
            _applied.AddOrUpdate(partition, next, (_, current) => Math.Max(current, next));
        }

        foreach (var (partition, end) in batch.EndsReached)
        {
            _applied.AddOrUpdate(partition, end, (_, current) => Math.Max(current, end));
        }

        Pulse();
    }

    private void Fail(Exception error)
    {
        Volatile.Write(ref _failure, error);
        Pulse();
    }

    private void Pulse() =>
        Interlocked.Exchange(ref _progress, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
