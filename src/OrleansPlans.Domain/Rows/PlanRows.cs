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

    /// <summary>The changes, one call of <paramref name="sink"/> per changed row (a delete when the row is gone).</summary>
    public static void Changes(PlanLedger ledger, Figures.FigureChanges changes, IRowChangeSink sink)
    {
        var plan = ledger.PlanId;
        var figures = ledger.Figures;
        foreach (var hour in changes.Hours)
        {
            sink.Change(RowId.Hour(plan, hour),
                figures.Hourly.TryGetValue(hour, out var t) && !t.IsZero ? new PlanUsageHourlyRow(plan, hour, t.Seconds, t.Events) : null);
        }

        foreach (var day in changes.Days)
        {
            sink.Change(RowId.Day(plan, day),
                figures.Daily.TryGetValue(day, out var t) && !t.IsZero ? new PlanUsageDailyRow(plan, day, t.Seconds, t.Events, t.ActiveUsers) : null);
        }

        foreach (var month in changes.Months)
        {
            sink.Change(RowId.Month(plan, month),
                figures.Monthly.TryGetValue(month, out var t) && !t.IsZero ? new PlanUsageMonthlyRow(plan, month, t.Seconds, t.Events, t.ActiveUsers) : null);
        }

        foreach (var content in changes.Contents)
        {
            sink.Change(RowId.Content(plan, content),
                figures.Content.TryGetValue(content, out var t) && !t.IsZero ? new PlanContentUsageRow(plan, content, t.Seconds, t.Events) : null);
        }

        foreach (var user in changes.Members)
        {
            sink.Change(RowId.Member(plan, user),
                figures.MemberSince(user) is { } since ? new PlanMemberRow(plan, user, since) : null);
        }

        if (changes.Plan)
        {
            sink.Change(RowId.Plan(plan), PlanRowOf(ledger));
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

        if (PlanRowOf(ledger) is { } row)
        {
            yield return row;
        }
    }

    private static PlanRow? PlanRowOf(PlanLedger ledger) => !ledger.Named ? null
        : ledger.MergedInto is { } survivor ? new PlanRow(ledger.PlanId, PlanRow.Merged, survivor.Root, 0)
        : new PlanRow(ledger.PlanId, PlanRow.Active, null, ledger.Figures.MemberCount());
}
