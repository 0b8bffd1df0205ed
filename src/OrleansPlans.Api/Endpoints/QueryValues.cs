using System.Globalization;
using OrleansPlans.Domain.Contract;

namespace OrleansPlans.Api.Endpoints;

/// <summary>
/// Parses query values by hand (they bind as strings) so that a bad value gets a 400 that says what is wrong,
/// rather than the framework's bare 400. Public so the dashboard's reads parse and word them alike.
/// </summary>
public static class QueryValues
{
    /// <summary>An optional integer from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static int? Integer(string name, string? text, int fallback, int min, int max, out string? error)
    {
        error = null;
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            error = $"query parameter '{name}' is '{Truncate(text)}'; it must be a whole number from {min} to {max}";
            return null;
        }

        return value;
    }

    /// <summary>
    /// <c>page</c> (from 1, default 1) and <c>pageSize</c> (1 to <paramref name="maxSize"/>, default
    /// <paramref name="defaultSize"/>); null with the bad parameter and why when either is bad.
    /// </summary>
    public static (int Page, int Size)? Page(string? page, string? pageSize, int defaultSize, int maxSize, out (string Parameter, string Reason)? error)
    {
        error = null;
        if (Integer("page", page, 1, 1, int.MaxValue, out var pageError) is not { } number)
        {
            error = ("page", pageError!);
            return null;
        }

        if (Integer("pageSize", pageSize, defaultSize, 1, maxSize, out var sizeError) is not { } size)
        {
            error = ("pageSize", sizeError!);
            return null;
        }

        return (number, size);
    }

    /// <summary>An instant: an RFC 3339 timestamp with an offset, or a date (<c>yyyy-MM-dd</c>, midnight UTC).</summary>
    public static DateTimeOffset? Instant(string name, string text, out string? error)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            error = null;
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        var instant = Rfc3339.Parse(name, text, out var reason);
        // The domain's reason reads "field 'from' is …": here it is a query parameter.
        error = reason is null ? null
            : $"query parameter {(reason.StartsWith("field ", StringComparison.Ordinal) ? reason[6..] : reason)}; a date (yyyy-MM-dd, midnight UTC) is also accepted";
        return instant;
    }

    /// <summary>A value as quoted in an error message: at most 32 characters, so a huge value cannot flood the answer.</summary>
    public static string Truncate(string text) => text.Length <= 32 ? text : text[..32] + "…";
}
