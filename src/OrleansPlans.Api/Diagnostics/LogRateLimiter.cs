namespace OrleansPlans.Api.Diagnostics;

/// <summary>
/// Lets one kind of log line through at most <see cref="Limit"/> times per <see cref="Window"/>: a client repeating the
/// same mistake, or a thousand requests during an outage, must not flood the log and bury what else happened. The next
/// line let through says how many were left out, so nothing goes unnoticed.
/// </summary>
internal sealed class LogRateLimiter(TimeProvider time)
{
    /// <summary>Lines let through per window.</summary>
    public const int Limit = 10;

    /// <summary>The window the limit applies to.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _admitted;
    private int _suppressed;

    /// <summary>Whether this occurrence may be logged; when it may, <paramref name="suppressed"/> counts those left out since the last one logged.</summary>
    public bool TryAcquire(out int suppressed)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (now - _windowStart >= Window)
            {
                (_windowStart, _admitted) = (now, 0);
            }

            if (_admitted >= Limit)
            {
                _suppressed++;
                suppressed = 0;
                return false;
            }

            _admitted++;
            (suppressed, _suppressed) = (_suppressed, 0);
            return true;
        }
    }
}
