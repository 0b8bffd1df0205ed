using OrleansPlans.Domain.Figures;
using OrleansPlans.Domain.Plans;

namespace OrleansPlans.Domain.Rows;

/// <summary>Turns a plan ledger's figures into the contract's rows.</summary>
internal static class PlanRows
{
    // Which figure goes into which column, once for the grains' emits, the ledger's full row set and the in-memory replica.

    /// <summary>The <c>plan_usage_hourly</c> row of <paramref name="usage"/>.</summary>
    public static PlanUsageHourlyRow HourRow(string plan, DateTime hour, Tally usage) => new(plan, hour, usage.Seconds, usage.Events);

    /// <summary>The <c>plan_usage_daily</c> row of <paramref name="usage"/>.</summary>
    public static PlanUsageDailyRow DayRow(string plan, DateOnly day, DayTally usage) => new(plan, day, usage.Seconds, usage.Events, usage.ActiveUsers);

    /// <summary>The <c>plan_usage_monthly</c> row of <paramref name="usage"/> (keyed by the month's first day).</summary>
    public static PlanUsageMonthlyRow MonthRow(string plan, DateOnly month, DayTally usage) =>
        new(plan, month, usage.Seconds, usage.Events, usage.ActiveUsers);

    /// <summary>The <c>plan_content_usage</c> row of <paramref name="usage"/>.</summary>
    public static PlanContentUsageRow ContentRow(string plan, string content, Tally usage) => new(plan, content, usage.Seconds, usage.Events);

    /// <summary>The changes as a list (what a grain emits).</summary>
    public static IReadOnlyList<RowChange> Changes(PlanLedger ledger, FigureChanges changes)
    {
        var list = new RowChangeList(changes.Hours.Count + changes.Days.Count + changes.Months.Count + changes.Contents.Count + changes.Members.Count + 1);
        Changes(ledger, changes, list);
        return list.Rows;
    }

    /// <summary>The changes, one call of <paramref name="sink"/> per changed row (null values when the row is gone).</summary>
    public static void Changes(PlanLedger ledger, FigureChanges changes, IRowChangeSink sink)
    {
        var plan = ledger.PlanId;
        var figures = ledger.Figures;
        foreach (var hour in changes.Hours)
        {
            sink.Hour(plan, hour, figures.Hourly.TryGetValue(hour, out var t) && !t.IsZero ? t : null);
        }

        foreach (var day in changes.Days)
        {
            sink.Day(plan, day, figures.Daily.TryGetValue(day, out var t) && !t.IsZero ? t : null);
        }

        foreach (var month in changes.Months)
        {
            sink.Month(plan, month, figures.Monthly.TryGetValue(month, out var t) && !t.IsZero ? t : null);
        }

        foreach (var content in changes.Contents)
        {
            sink.Content(plan, content, figures.Content.TryGetValue(content, out var t) && !t.IsZero ? t : null);
        }

        foreach (var user in changes.Members)
        {
            sink.Member(plan, user, figures.MemberSince(user));
        }

        if (changes.Plan)
        {
            sink.Plan(plan, PlanRowValuesOf(ledger));
        }
    }

    public static IEnumerable<OutputRow> All(PlanLedger ledger)
    {
        var plan = ledger.PlanId;
        var figures = ledger.Figures;
        foreach (var (hour, t) in figures.Hourly)
        {
            yield return HourRow(plan, hour, t);
        }

        foreach (var (day, t) in figures.Daily)
        {
            yield return DayRow(plan, day, t);
        }

        foreach (var (month, t) in figures.Monthly)
        {
            yield return MonthRow(plan, month, t);
        }

        foreach (var (content, t) in figures.Content)
        {
            yield return ContentRow(plan, content, t);
        }

        foreach (var user in figures.Members.Keys)
        {
            if (figures.MemberSince(user) is { } since)
            {
                yield return new PlanMemberRow(plan, user, since);
            }
        }

        if (PlanRowValuesOf(ledger) is { } row)
        {
            yield return row.Row(plan);
        }
    }

    private static PlanRowValues? PlanRowValuesOf(PlanLedger ledger) => !ledger.Named ? null
        : ledger.MergedInto is { } survivor ? new PlanRowValues(survivor.Root, 0)
        : new PlanRowValues(null, ledger.Figures.MemberCount());
}
