using OrleansPlans.Api.Responses;
using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Api.Endpoints;

/// <summary>A checked usage query: buckets of <see cref="Granularity"/> whose start lies in <c>[From, To)</c>.</summary>
internal sealed record UsageQuery(string Granularity, DateTimeOffset From, DateTimeOffset To)
{
    public const string Hourly = "hourly";
    public const string Daily = "daily";
    public const string Monthly = "monthly";

    /// <summary>Null, with the parameter at fault and why, when the query is not valid.</summary>
    public static UsageQuery? Parse(string? granularity, string? from, string? to, ApiOptions options, out (string Parameter, string Reason)? error)
    {
        error = null;
        var kind = string.IsNullOrEmpty(granularity) ? Daily : granularity.ToLowerInvariant();
        if (kind is not (Hourly or Daily or Monthly))
        {
            error = ("granularity", $"query parameter 'granularity' is '{granularity}'; use 'hourly', 'daily' or 'monthly'");
            return null;
        }

        if (string.IsNullOrEmpty(from) || string.IsNullOrEmpty(to))
        {
            var missing = string.IsNullOrEmpty(from) ? "from" : "to";
            error = (missing, $"query parameter '{missing}' is required (an RFC 3339 timestamp such as 2026-03-01T00:00:00Z, or a date such as 2026-03-01)");
            return null;
        }

        if (QueryValues.Instant("from", from, out var fromError) is not { } start)
        {
            error = ("from", fromError!);
            return null;
        }

        if (QueryValues.Instant("to", to, out var toError) is not { } end)
        {
            error = ("to", toError!);
            return null;
        }

        if (start > end)
        {
            error = ("from", $"query parameter 'from' ({start:O}) is after 'to' ({end:O})");
            return null;
        }

        // Months share the daily limit: a month's row is one of its days' worth of work to read.
        var limit = kind == Hourly ? options.MaxHourlyUsageRange : options.MaxDailyUsageRange;
        if (end - start > limit)
        {
            error = ("to", $"the range from 'from' to 'to' is {(end - start).TotalDays:0.##} days; {kind} usage is served for at most {limit.TotalDays:0.##} days per request");
            return null;
        }

        return new UsageQuery(kind, start, end);
    }

    public IReadOnlyList<UsageBucketResponse> Select(IReadOnlyList<OutputRow> rows)
    {
        var buckets = Granularity switch
        {
            Hourly => rows.OfType<PlanUsageHourlyRow>().Select(r => new UsageBucketResponse(UtcInstants.Of(r.HourStart), r.Seconds, r.Events, null)),
            Monthly => rows.OfType<PlanUsageMonthlyRow>().Select(r => new UsageBucketResponse(UtcInstants.Of(r.Month), r.Seconds, r.Events, r.ActiveUsers)),
            _ => rows.OfType<PlanUsageDailyRow>().Select(r => new UsageBucketResponse(UtcInstants.Of(r.Day), r.Seconds, r.Events, r.ActiveUsers)),
        };
        return buckets.Where(b => b.Start >= From && b.Start < To).OrderBy(b => b.Start).ToList();
    }
}
