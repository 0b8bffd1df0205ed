using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace OrleansPlans.Streaming.Kafka;

/// <summary>
/// Logs a repeated message once per <see cref="Window"/> and counts the rest. During a broker outage every partition's
/// consumer and the producer report the same connection errors again and again (about 98,000 lines a minute with 48
/// partitions were seen); the first line says what is wrong, and one summary per window says how often it recurred.
/// </summary>
/// <remarks>
/// Messages are the same when their text is, digits aside (librdkafka's texts carry durations, counts and ports). The
/// count of a window is logged when the message comes back after it; a message that stops has said everything already.
/// One limiter serves a provider's receivers, producer and dead-letter sink on one silo or client.
/// </remarks>
internal sealed partial class KafkaLogLimiter(string providerName, TimeProvider timeProvider)
{
    /// <summary>How long a message is not logged again after it was.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    /// <summary>Distinct messages tracked at once; beyond it the expired ones are dropped (bounded memory).</summary>
    private const int MaxTracked = 1024;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Tracked> _tracked = new(StringComparer.Ordinal);

    /// <summary>
    /// True when the message that <paramref name="key"/> identifies should be logged now; then <paramref name="suppressed"/>
    /// is how many identical ones were not logged since it last was.
    /// </summary>
    public bool ShouldLog(string key, out int suppressed)
    {
        var normalized = Digits().Replace(key, "#");
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            if (_tracked.TryGetValue(normalized, out var tracked) && now - tracked.LoggedAt < Window)
            {
                tracked.Suppressed++;
                suppressed = 0;
                return false;
            }

            suppressed = tracked?.Suppressed ?? 0;
            if (tracked is null && _tracked.Count >= MaxTracked)
            {
                Prune(now);
            }

            _tracked[normalized] = new Tracked(now);
            return true;
        }
    }

    /// <summary>
    /// <see cref="ShouldLog"/>, logging first to <paramref name="logger"/> how often the message recurred unlogged;
    /// <paramref name="key"/> should be the message's text (it is quoted in that summary).
    /// </summary>
    public bool Allow(ILogger logger, LogLevel level, string key)
    {
        if (!logger.IsEnabled(level) || !ShouldLog(key, out var suppressed))
        {
            return false;
        }

        if (suppressed > 0)
        {
            KafkaLog.Repeated(logger, level, providerName, suppressed, (int)Window.TotalSeconds, key);
        }

        return true;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, tracked) in _tracked.Where(t => now - t.Value.LoggedAt >= Window).ToList())
        {
            _tracked.Remove(key);
        }

        if (_tracked.Count >= MaxTracked)
        {
            _tracked.Clear();
        }
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    private sealed class Tracked(DateTimeOffset loggedAt)
    {
        public DateTimeOffset LoggedAt { get; } = loggedAt;

        public int Suppressed { get; set; }
    }
}
