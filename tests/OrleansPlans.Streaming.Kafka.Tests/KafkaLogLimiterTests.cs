using Microsoft.Extensions.Logging;

namespace OrleansPlans.Streaming.Kafka.Tests;

/// <summary>A broker outage must not flood the log: a repeated message is logged once per window, then summarized.</summary>
public sealed class KafkaLogLimiterTests
{
    private const string Refused = "127.0.0.1:9092/1: Connect to ipv4#127.0.0.1:9092 failed: Connection refused (after 0ms in state CONNECT)";

    [Fact]
    public void the_first_of_a_repeated_message_is_logged_the_rest_are_counted_until_the_window_passes()
    {
        var time = new ManualTime();
        var limiter = new KafkaLogLimiter("input", time);

        Assert.True(limiter.ShouldLog(Refused, out var first));
        Assert.Equal(0, first);
        for (var i = 0; i < 999; i++)
        {
            // Durations and ports differ from line to line: the same news all the same.
            Assert.False(limiter.ShouldLog(Refused.Replace("after 0ms", $"after {i}ms", StringComparison.Ordinal), out _));
            time.Advance(TimeSpan.FromMilliseconds(20));
        }

        time.Advance(KafkaLogLimiter.Window);
        Assert.True(limiter.ShouldLog(Refused, out var summarized));
        Assert.Equal(999, summarized);
        Assert.False(limiter.ShouldLog(Refused, out _));
    }

    [Fact]
    public void different_messages_are_limited_separately()
    {
        var limiter = new KafkaLogLimiter("input", new ManualTime());

        Assert.True(limiter.ShouldLog(Refused, out _));
        Assert.True(limiter.ShouldLog("consume error: Broker: Not leader for partition", out _));
        Assert.False(limiter.ShouldLog(Refused, out _));
    }

    [Fact]
    public void allow_logs_a_summary_with_the_count_before_the_next_occurrence_and_nothing_in_between()
    {
        var time = new ManualTime();
        var limiter = new KafkaLogLimiter("input", time);
        var logger = new RecordingLogger();

        var logged = Enumerable.Range(0, 5000).Count(_ => limiter.Allow(logger, LogLevel.Warning, Refused));
        Assert.Equal(1, logged);
        Assert.Empty(logger.Lines);

        time.Advance(KafkaLogLimiter.Window);
        Assert.True(limiter.Allow(logger, LogLevel.Warning, Refused));
        var summary = Assert.Single(logger.Lines);
        Assert.Equal((LogLevel.Warning, 4118), (summary.Level, summary.EventId));
        Assert.Contains("4999 more like this in the last 30 s were not logged", summary.Text, StringComparison.Ordinal);
        Assert.EndsWith(Refused, summary.Text, StringComparison.Ordinal);
    }

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<(LogLevel Level, int EventId, string Text)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, eventId.Id, formatter(state, exception)));
    }
}
