namespace OrleansPlans.Streaming.Kafka.Tests;

/// <summary>A dead-letter sink that refuses every write while <see cref="Failing"/>, and records what it accepts.</summary>
internal sealed class SwitchableDeadLetterSink : IKafkaDeadLetterSink
{
    public const string Error = "the dead-letter topic is gone (test sink)";

    private readonly System.Collections.Concurrent.ConcurrentQueue<KafkaPosition> _written = new();
    private volatile bool _failing = true;
    private int _refused;

    public bool Failing
    {
        get => _failing;
        set => _failing = value;
    }

    public int Refused => Volatile.Read(ref _refused);

    public IReadOnlyCollection<KafkaPosition> Written => _written;

    public Task WriteAsync(KafkaPosition position, string reason, byte[]? rawValue, CancellationToken cancellationToken = default)
    {
        if (_failing)
        {
            Interlocked.Increment(ref _refused);
            throw new InvalidOperationException(Error);
        }

        _written.Enqueue(position);
        return Task.CompletedTask;
    }
}
