namespace OrleansPlans.Domain.Figures;

/// <summary>The hour, the day and the month a UTC instant counts in.</summary>
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

    /// <summary>The first day of the UTC calendar month of <paramref name="at"/> (how <c>plan_usage_monthly</c> names a month).</summary>
    public static DateOnly MonthOf(DateTimeOffset at) => MonthOf(DayOf(at));

    /// <summary>The first day of the calendar month of <paramref name="day"/>.</summary>
    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);
}
