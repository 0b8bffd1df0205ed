namespace OrleansPlans.Domain.Figures;

/// <summary>The hour and the day a UTC instant counts in.</summary>
public static class UtcBuckets
{
    /// <summary>The start of the UTC hour containing <paramref name="at"/>, as a UTC <see cref="DateTime"/>.</summary>
    public static DateTime HourOf(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        return new DateTime(ticks - (ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc);
    }

    /// <summary>The UTC date of <paramref name="at"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
}
