using OrleansPlans.Domain.Figures;

namespace OrleansPlans.Domain.Engine;

/// <summary>
/// One plan's <c>plan_usage_hourly</c> rows in the in-memory replica: a day's 24 hours in one array, with a zero tally
/// where an hour has no row (exact: a plan never emits a zero row, it sends a deletion instead). A busy plan has rows in
/// most hours of its days, and a dictionary entry per hour, grown by doubling, took about three times the memory of an
/// array slot, left the old tables behind as garbage, and hashed every change; the arrays hold no references for the
/// collector to follow.
/// </summary>
internal sealed class HourRowsByDay
{
    private readonly Dictionary<DateOnly, Tally[]> _days = [];

    // The day the last change was for: a plan's changes come in runs within a few days.
    private DateOnly _lastDay;
    private Tally[]? _last;

    /// <summary>Sets the row of the hour starting at <paramref name="hourStart"/> (UTC, on the hour), or deletes it (null).</summary>
    public void Set(DateTime hourStart, Tally? usage)
    {
        // Rows are kept by day and hour only: a start off the hour would come back as another key (UtcBuckets.HourOf
        // makes every key, so this is a broken caller, and loud).
        if (hourStart.Ticks % TimeSpan.TicksPerHour != 0)
        {
            throw new ArgumentException($"an hourly row starts on the hour, not at {hourStart:O}", nameof(hourStart));
        }

        var day = DateOnly.FromDateTime(hourStart);
        if (_last is null || day != _lastDay)
        {
            if (!_days.TryGetValue(day, out _last))
            {
                if (usage is null)
                {
                    return;
                }

                _days[day] = _last = new Tally[24];
            }

            _lastDay = day;
        }

        _last[hourStart.Hour] = usage ?? default;
        if (usage is null && Array.TrueForAll(_last, static t => t.IsZero))
        {
            // A day without rows (every hour deleted, as when a plan is merged away) is not kept.
            _days.Remove(day);
            _last = null;
        }
    }

    /// <summary>Every row: the hour's start (UTC) and its usage.</summary>
    public IEnumerable<(DateTime HourStart, Tally Usage)> Rows()
    {
        foreach (var (day, hours) in _days)
        {
            for (var hour = 0; hour < hours.Length; hour++)
            {
                if (!hours[hour].IsZero)
                {
                    yield return (day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc), hours[hour]);
                }
            }
        }
    }
}
