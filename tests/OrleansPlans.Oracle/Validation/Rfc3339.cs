using System.Globalization;
using System.Text.RegularExpressions;

namespace OrleansPlans.Oracle.Validation;

/// <summary>
/// A strict, hand-written RFC 3339 date-time reader: mandatory offset, <c>T</c>/<c>t</c> separator only,
/// 1..9 fraction digits (nanoseconds, as Java and Go write them), kept to 100 ns by dropping the 8th and 9th digit
/// (truncation: the instant never moves into a later second, hour or day). Written without DateTimeOffset parsing on
/// purpose, so it can't share a parser bug with the engine.
/// </summary>
internal static partial class Rfc3339
{
    public static bool TryParse(string text, out ParsedTimestamp result)
    {
        result = default;
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        int Part(string name) => int.Parse(match.Groups[name].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        int year = Part("y"), month = Part("mo"), day = Part("d");
        int hour = Part("h"), minute = Part("mi"), second = Part("s");
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var fraction = match.Groups["f"].Value;
        long fractionTicks = 0;
        for (var i = 0; i < 7; i++)
        {
            // Digit by digit: the 8th and 9th (below 100 ns) are ignored, missing ones count as 0.
            fractionTicks = fractionTicks * 10 + (i < fraction.Length ? fraction[i] - '0' : 0);
        }

        var offset = TimeSpan.Zero;
        if (match.Groups["oh"].Success)
        {
            int offsetHours = Part("oh"), offsetMinutes = Part("om");
            if (offsetHours > 23 || offsetMinutes > 59)
            {
                return false;
            }

            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (match.Groups["sign"].Value == "-")
            {
                offset = -offset;
            }
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fractionTicks;
        var utc = local - offset.Ticks;
        if (utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        result = new ParsedTimestamp(new DateTime(utc, DateTimeKind.Utc), new DateOnly(year, month, day), offset, fraction.Length > 0, fraction.Length > 7);
        return true;
    }

    // [0-9] rather than \d (which matches any Unicode digit) and \z rather than $ (which allows a final newline).
    [GeneratedRegex(
        @"^(?<y>[0-9]{4})-(?<mo>[0-9]{2})-(?<d>[0-9]{2})[Tt](?<h>[0-9]{2}):(?<mi>[0-9]{2}):(?<s>[0-9]{2})(?:\.(?<f>[0-9]{1,9}))?(?:[Zz]|(?<sign>[+-])(?<oh>[0-9]{2}):(?<om>[0-9]{2}))\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
