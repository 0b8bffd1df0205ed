using System.Globalization;

namespace OrleansPlans.Oracle.Generation;

/// <summary>Writes a UTC instant as RFC 3339 in a randomly chosen (but equivalent) spelling.</summary>
internal static class TimestampWriter
{
    // Offsets within ±14:00 only: wider ones are valid RFC 3339 but DateTimeOffset rejects them (a grey zone).
    private static readonly TimeSpan[] Offsets =
    [
        new(5, 30, 0), new(-8, 0, 0), new(9, 0, 0), new(-3, -30, 0), new(1, 0, 0), new(14, 0, 0), new(-11, 0, 0),
    ];

    public static string Write(DateTime utc, Random rng)
    {
        var roll = rng.NextDouble();
        var offset = roll < 0.6 ? TimeSpan.Zero : Offsets[rng.Next(Offsets.Length)];
        var local = utc + offset;
        var separator = rng.NextDouble() < 0.05 ? "t" : "T";
        var text = local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + separator
            + local.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + Fraction(local, rng);
        if (offset != TimeSpan.Zero)
        {
            return text + (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        }

        return text + (roll < 0.03 ? "z" : roll < 0.08 ? "+00:00" : "Z");
    }

    private static string Fraction(DateTime local, Random rng)
    {
        var ticks = local.Ticks % TimeSpan.TicksPerSecond;
        if (ticks == 0)
        {
            // Trailing zeros are valid and must not change the instant.
            return rng.NextDouble() < 0.03 ? ".000" : "";
        }

        var digits = ticks.ToString("D7", CultureInfo.InvariantCulture);
        if (rng.NextDouble() < 0.2)
        {
            // Nanoseconds, as Java's Instant.toString() and Go's RFC3339Nano write them: the 8th and 9th digit lie below
            // the 100 ns the contract's reading keeps and are truncated, so any digits there name the same instant
            // (a rounding reader would move e.g. .999999999 into the next second).
            return "." + digits + rng.Next(0, 100).ToString("D2", CultureInfo.InvariantCulture);
        }

        return "." + digits.TrimEnd('0');
    }
}
