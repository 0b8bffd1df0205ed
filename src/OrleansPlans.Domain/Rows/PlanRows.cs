using OrleansPlans.Domain.Plans;

namespace OrleansPlans.Domain.Rows;

/// <summary>Turns a plan ledger's figures into the contract's rows.</summary>
internal static class PlanRows
{
    /// <summary>The changes as a list (what a grain emits).</summary>
    public static IReadOnlyList<RowChange> Changes(PlanLedger ledger, Figures.FigureChanges changes)
    {
        var list = new RowChangeList(changes.Hours.Count + changes.Days.Count + changes.Months.Count + changes.Contents.Count + changes.Members.Count + 1);
        Changes(ledger, changes, list);
        return list.Rows;
    }

    /// <summary>The changes, one call of <paramref name="sink"/> per changed row (null values when the row is gone).</summary>
    public static void Changes(PlanLedger ledger, Figures.FigureChanges changes, IRowChangeSink sink)
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
            yield return new PlanUsageHourlyRow(plan, hour, t.Seconds, t.Events);
        }

        foreach (var (day, t) in figures.Daily)
        {
            yield return new PlanUsageDailyRow(plan, day, t.Seconds, t.Events, t.ActiveUsers);
        }

        foreach (var (month, t) in figures.Monthly)
        {
            yield return new PlanUsageMonthlyRow(plan, month, t.Seconds, t.Events, t.ActiveUsers);
        }

        foreach (var (content, t) in figures.Content)
        {
            yield return new PlanContentUsageRow(plan, content, t.Seconds, t.Events);
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
