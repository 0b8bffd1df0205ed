using System.Globalization;

namespace OrleansPlans.Domain.Rows;

/// <summary>How instants and days are written in output keys and values.</summary>
public static class RowFormat
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";
    private const int WholeSecondLength = 20;
    private const int DayLength = 10;

    /// <summary>UTC instant, fraction only when non-zero: <c>2026-03-01T09:30:00Z</c>, <c>2026-03-01T09:30:00.25Z</c>.</summary>
    public static string Instant(DateTime utc)
    {
        var at = utc.ToUniversalTime();
        if (at.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            return at.ToString(InstantFormat, CultureInfo.InvariantCulture);
        }

        // Whole seconds (every hour start, most event times): the same text without the general formatter, which
        // dominated key building on the hot path.
        return string.Create(WholeSecondLength, at, static (text, t) => WriteWholeSecond(text, t));
    }

    /// <summary>UTC instant.</summary>
    public static string Instant(DateTimeOffset at) => Instant(at.UtcDateTime);

    /// <summary>A day: <c>2026-03-01</c>.</summary>
    public static string Day(DateOnly day) => string.Create(DayLength, day, static (text, d) => WriteDate(text, d));

    /// <summary><c>{planId}|{Instant(utc)}</c> as one string (an hourly row key).</summary>
    internal static string Key(string planId, DateTime utc)
    {
        var at = utc.ToUniversalTime();
        if (at.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            return $"{planId}|{Instant(at)}";
        }

        return string.Create(planId.Length + 1 + WholeSecondLength, (planId, at), static (text, state) =>
        {
            state.planId.CopyTo(text);
            text[state.planId.Length] = '|';
            WriteWholeSecond(text[(state.planId.Length + 1)..], state.at);
        });
    }

    /// <summary><c>{planId}|{Day(day)}</c> as one string (a daily row key).</summary>
    internal static string Key(string planId, DateOnly day) =>
        string.Create(planId.Length + 1 + DayLength, (planId, day), static (text, state) =>
        {
            state.planId.CopyTo(text);
            text[state.planId.Length] = '|';
            WriteDate(text[(state.planId.Length + 1)..], state.day);
        });

    private static void WriteWholeSecond(Span<char> text, DateTime t)
    {
        WriteDate(text, DateOnly.FromDateTime(t));
        text[10] = 'T';
        Write2(text[11..], t.Hour);
        text[13] = ':';
        Write2(text[14..], t.Minute);
        text[16] = ':';
        Write2(text[17..], t.Second);
        text[19] = 'Z';
    }

    private static void WriteDate(Span<char> text, DateOnly day)
    {
        // Years are 1 to 9999: always four digits, as "yyyy" writes them.
        Write2(text, day.Year / 100);
        Write2(text[2..], day.Year % 100);
        text[4] = '-';
        Write2(text[5..], day.Month);
        text[7] = '-';
        Write2(text[8..], day.Day);
    }

    private static void Write2(Span<char> text, int value)
    {
        text[0] = (char)('0' + (value / 10));
        text[1] = (char)('0' + (value % 10));
    }
}
