using System.Globalization;

namespace OrleansPlans.Domain.Rows;

/// <summary>How instants and days are written in output keys and values.</summary>
public static class RowFormat
{
    /// <summary>UTC instant, fraction only when non-zero: <c>2026-03-01T09:30:00Z</c>, <c>2026-03-01T09:30:00.25Z</c>.</summary>
    public static string Instant(DateTime utc) =>
        utc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>UTC instant.</summary>
    public static string Instant(DateTimeOffset at) => Instant(at.UtcDateTime);

    /// <summary>A day: <c>2026-03-01</c>.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
