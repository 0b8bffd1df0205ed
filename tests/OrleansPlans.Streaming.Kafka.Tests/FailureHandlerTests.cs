using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;

namespace OrleansPlans.Streaming.Kafka.Tests;

/// <summary>
/// Orleans calls the failure handler both when delivery was retried for MaxEventDeliveryTime and when the queue's agent
/// stopped mid-delivery (it never retries then). Only the first means the records cannot be delivered.
/// </summary>
public sealed class FailureHandlerTests
{
    private static readonly StreamId Stream = StreamId.Create("usage", "user-1");
    private static readonly KafkaSequenceToken Token = new("content-usage", 3, 41);

    [Fact]
    public async Task a_failure_while_the_queue_stops_is_left_for_the_next_reader_not_dead_lettered()
    {
        var sink = new RecordingDeadLetterSink();
        var receiver = NewReceiver();
        await receiver.Shutdown(TimeSpan.FromSeconds(1));

        await Handler(() => receiver, sink).OnDeliveryFailure(GuidId.GetNewGuidId(), "input", Stream, Token);

        Assert.Empty(sink.Written);
    }

    [Fact]
    public async Task a_failure_after_the_queue_is_gone_is_left_for_the_next_reader_not_dead_lettered()
    {
        var sink = new RecordingDeadLetterSink();

        await Handler(() => null, sink).OnDeliveryFailure(GuidId.GetNewGuidId(), "input", Stream, Token);

        Assert.Empty(sink.Written);
    }

    // A batch the reader no longer holds in flight (nothing to hold back) is dead-lettered by position, as before.
    [Fact]
    public async Task a_failure_while_the_queue_reads_on_is_dead_lettered_with_the_reason()
    {
        var sink = new RecordingDeadLetterSink();
        var receiver = NewReceiver();

        await Handler(() => receiver, sink).OnDeliveryFailure(GuidId.GetNewGuidId(), "input", Stream, Token);

        var (position, reason) = Assert.Single(sink.Written);
        Assert.Equal(new KafkaPosition("content-usage", 3, 41), position);
        Assert.Contains("MaxEventDeliveryTime", reason, StringComparison.Ordinal);
    }

    private static KafkaStreamFailureHandler Handler(Func<KafkaQueueReceiver?> receiver, IKafkaDeadLetterSink sink) =>
        new("input", receiver, sink, Stuck(), TimeSpan.FromMinutes(10), TimeProvider.System, NullLogger.Instance);

    private static KafkaQueueReceiver NewReceiver() =>
        new("input", new KafkaPartitionQueue("content-usage", 3, "usage"), new KafkaStreamOptions { ConsumerGroupId = "g" },
            new Utf8StringRecordDecoder(), new KafkaSharedConsumer("input", new KafkaStreamOptions { ConsumerGroupId = "g" }, new KafkaLogLimiter("input", TimeProvider.System), NullLogger.Instance),
            new RecordingDeadLetterSink(), () => throw new InvalidOperationException("no checkpoint expected"),
            Stuck(), new KafkaLogLimiter("input", TimeProvider.System), new KafkaStreamMetrics("input"), TimeProvider.System, NullLogger.Instance);

    private static KafkaStuckPartitionRegistry Stuck() => new("input", TimeProvider.System, NullLogger<KafkaStuckPartitionRegistry>.Instance);

    private sealed class RecordingDeadLetterSink : IKafkaDeadLetterSink
    {
        public List<(KafkaPosition Position, string Reason)> Written { get; } = [];

        public Task WriteAsync(KafkaPosition position, string reason, byte[]? rawValue, CancellationToken cancellationToken = default)
        {
            Written.Add((position, reason));
            return Task.CompletedTask;
        }
    }
}
