using System.Globalization;
using System.Text.RegularExpressions;

namespace OrleansPlans.Domain.Contract;

/// <summary>Strict RFC 3339 date-time parsing: an offset is mandatory; the result is converted to UTC.</summary>
public static partial class Rfc3339
{
    /// <summary>Parses <paramref name="text"/>; returns null and sets <paramref name="error"/> when it is not RFC 3339.</summary>
    public static DateTimeOffset? Parse(string field, string text, out string? error)
    {
        error = null;
        if (!Shape().IsMatch(text))
        {
            error = $"field '{field}' is '{Truncate(text)}', not an RFC 3339 timestamp with an offset (e.g. 2026-03-01T09:30:00Z)";
            return null;
        }

        // The shape is checked above; DateTimeOffset still rejects impossible dates (Feb 30, hour 24, :60 seconds).
        // RFC 3339 allows lower-case 't' and 'z'; .NET's parser wants them upper-case.
        if (!DateTimeOffset.TryParse(text.ToUpperInvariant(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            error = $"field '{field}' is '{Truncate(text)}', which is not a real instant";
            return null;
        }

        return value.ToUniversalTime();
    }

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "…";

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,7})?([Zz]|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
