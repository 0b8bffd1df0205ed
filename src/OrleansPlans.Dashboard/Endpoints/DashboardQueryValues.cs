using System.Globalization;
using Microsoft.Extensions.Options;
using OrleansPlans.Api;
using OrleansPlans.Api.Endpoints;
using OrleansPlans.Dashboard.Analytics;
using OrleansPlans.Domain.Contract;

namespace OrleansPlans.Dashboard.Endpoints;

/// <summary>
/// Checks the dashboard's query values (they bind as strings), so a bad value gets a 400 naming the parameter and
/// saying what is accepted. Each method returns null with <c>error</c> = (parameter, reason) when the value is bad.
/// </summary>
internal static class DashboardQueryValues
{
    public const string Active = "active";
    public const string Merged = "merged";

    /// <summary><c>page</c> (from 1, default 1) and <c>pageSize</c> (1 to <c>Api:MaxPageSize</c>, default <c>Api:DefaultPageSize</c>).</summary>
    public static PageRequest? Page(string? page, string? pageSize, IOptionsSnapshot<ApiOptions> options, out (string Parameter, string Reason)? error) =>
        QueryValues.Page(page, pageSize, options.Value.DefaultPageSize, options.Value.MaxPageSize, out error) is var (number, size)
            ? new PageRequest(number, size)
            : null;

    /// <summary>An optional search text: part of a plan id, so the identifier characters only.</summary>
    public static bool Search(string? text, out string? search, out string? error)
    {
        search = string.IsNullOrEmpty(text) ? null : text;
        error = search is null ? null : Identifier.Check("search", search)?.Replace("field 'search'", "query parameter 'search'", StringComparison.Ordinal);
        return error is null;
    }

    /// <summary>An optional status filter: <c>active</c> or <c>merged</c>.</summary>
    public static bool Status(string? text, out string? status, out string? error)
    {
        status = string.IsNullOrEmpty(text) ? null : text;
        error = status is null or Active or Merged ? null : $"query parameter 'status' is '{QueryValues.Truncate(status)}'; use 'active' or 'merged'";
        return error is null;
    }

    /// <summary>
    /// The half-open day range <c>[from, to)</c> of a daily usage query. <c>to</c> defaults to tomorrow (so today is
    /// included), <c>from</c> to 30 days before <c>to</c>; the range may not exceed <c>Api:MaxDailyUsageRange</c>.
    /// </summary>
    public static (DateOnly From, DateOnly To)? Days(string? from, string? to, DateOnly today, ApiOptions options, out (string Parameter, string Reason)? error)
    {
        error = null;
        DateOnly end = today.AddDays(1);
        if (!string.IsNullOrEmpty(to) && !TryDay(to, out end))
        {
            error = ("to", DayError("to", to));
            return null;
        }

        DateOnly start = end.AddDays(-30);
        if (!string.IsNullOrEmpty(from) && !TryDay(from, out start))
        {
            error = ("from", DayError("from", from));
            return null;
        }

        if (start > end)
        {
            error = ("from", $"query parameter 'from' ({start:yyyy-MM-dd}) is after 'to' ({end:yyyy-MM-dd})");
            return null;
        }

        var limit = (int)options.MaxDailyUsageRange.TotalDays;
        if (end.DayNumber - start.DayNumber > limit)
        {
            error = ("to", $"the range from 'from' to 'to' is {end.DayNumber - start.DayNumber} days; daily usage is served for at most {limit} days per request");
            return null;
        }

        return (start, end);
    }

    /// <summary>The most months a monthly usage query may span: ten years.</summary>
    public const int MaxMonths = 120;

    /// <summary>
    /// The half-open month range <c>[from, to)</c> of a monthly usage query, as the first days of the months. <c>to</c>
    /// (yyyy-MM) defaults to next month (so this month is included), <c>from</c> to 12 months before <c>to</c>; the range
    /// may not exceed <see cref="MaxMonths"/>.
    /// </summary>
    public static (DateOnly From, DateOnly To)? Months(string? from, string? to, DateOnly today, out (string Parameter, string Reason)? error)
    {
        error = null;
        var end = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        if (!string.IsNullOrEmpty(to) && !TryMonth(to, out end))
        {
            error = ("to", MonthError("to", to));
            return null;
        }

        var start = end.AddMonths(-12);
        if (!string.IsNullOrEmpty(from) && !TryMonth(from, out start))
        {
            error = ("from", MonthError("from", from));
            return null;
        }

        if (start > end)
        {
            error = ("from", $"query parameter 'from' ({start:yyyy-MM}) is after 'to' ({end:yyyy-MM})");
            return null;
        }

        var months = ((end.Year - start.Year) * 12) + end.Month - start.Month;
        if (months > MaxMonths)
        {
            error = ("to", $"the range from 'from' to 'to' is {months} months; monthly usage is served for at most {MaxMonths} months per request");
            return null;
        }

        return (start, end);
    }

    // Months are first days: "2026-03" is 2026-03-01. DateOnly parsing of "yyyy-MM" sets day 1.
    private static bool TryMonth(string text, out DateOnly month) =>
        DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);

    private static string MonthError(string name, string text) =>
        $"query parameter '{name}' is '{QueryValues.Truncate(text)}'; use a UTC month such as 2026-03 (yyyy-MM)";

    private static bool TryDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static string DayError(string name, string text) =>
        $"query parameter '{name}' is '{QueryValues.Truncate(text)}'; use a UTC date such as 2026-03-01 (yyyy-MM-dd)";
}
