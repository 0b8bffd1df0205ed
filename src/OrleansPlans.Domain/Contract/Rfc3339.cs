using System.Globalization;
using System.Text.RegularExpressions;

namespace OrleansPlans.Domain.Contract;

/// <summary>
/// Strict RFC 3339 date-time parsing: an offset is mandatory; the result is converted to UTC. Parsed by hand
/// around the local part because .NET's own parser rejects offsets beyond ±14:00, which RFC 3339 allows.
/// </summary>
/// <remarks>
/// Up to <see cref="MaxFractionDigits"/> fractional digits are accepted, as Java's <c>Instant.toString()</c> and Go's
/// <c>RFC3339Nano</c> write them. .NET holds 100 ns ticks (7 digits); digits beyond the seventh are truncated, never
/// rounded: rounding could carry an instant into the next second, minute or day (another hour or day bucket), and
/// Java and Go consumers order such times by truncation too. Two events differing only in the 8th or 9th digit thus
/// share one instant, and the contract's tie rule (ordinal <c>eventId</c>) orders them.
/// </remarks>
public static partial class Rfc3339
{
    /// <summary>The most fractional-second digits accepted (nanoseconds).</summary>
    public const int MaxFractionDigits = 9;

    private const int TickDigits = 7;

    /// <summary>Parses <paramref name="text"/>; returns null and sets <paramref name="error"/> when it is not RFC 3339.</summary>
    public static DateTimeOffset? Parse(string field, string text, out string? error)
    {
        error = null;
        var match = Shape().Match(text);
        if (!match.Success)
        {
            error = $"field '{field}' is '{Truncate(text)}', not an RFC 3339 timestamp with an offset (e.g. 2026-03-01T09:30:00Z)";
            return null;
        }

        // DateTime rejects impossible dates and times (Feb 30, hour 24, a :60 leap second).
        if (!DateTime.TryParseExact(match.Groups["local"].Value.ToUpperInvariant(), "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var local) || !TryOffset(match, out var offset))
        {
            error = $"field '{field}' is '{Truncate(text)}', which is not a real instant";
            return null;
        }

        var fraction = match.Groups["fraction"].Value;
        var ticks = local.Ticks + FractionTicks(fraction);
        var utcTicks = ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            error = $"field '{field}' is '{Truncate(text)}', which is out of range";
            return null;
        }

        return new DateTimeOffset(utcTicks, TimeSpan.Zero);
    }

    // Truncated to whole ticks (see remarks); "" is no fraction.
    private static long FractionTicks(string fraction) => fraction.Length == 0
        ? 0
        : long.Parse(fraction.Length > TickDigits ? fraction[..TickDigits] : fraction.PadRight(TickDigits, '0'), CultureInfo.InvariantCulture);

    private static bool TryOffset(Match match, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (!match.Groups["sign"].Success)
        {
            return true;
        }

        var hours = int.Parse(match.Groups["hours"].Value, CultureInfo.InvariantCulture);
        var minutes = int.Parse(match.Groups["minutes"].Value, CultureInfo.InvariantCulture);
        if (hours > 23 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        offset = match.Groups["sign"].Value == "-" ? -offset : offset;
        return true;
    }

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "…";

    [GeneratedRegex(@"\A(?<local>[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2})(\.(?<fraction>[0-9]{1,9}))?(Z|(?<sign>[+-])(?<hours>[0-9]{2}):(?<minutes>[0-9]{2}))\z",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Shape();
}
