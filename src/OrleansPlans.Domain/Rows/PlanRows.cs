using OrleansPlans.Domain.Plans;

namespace OrleansPlans.Domain.Rows;

/// <summary>Turns a plan ledger's figures into the contract's rows.</summary>
internal static class PlanRows
{
    public static IReadOnlyList<RowChange> Changes(PlanLedger ledger, Figures.FigureChanges changes)
    {
        var plan = ledger.PlanId;
        var figures = ledger.Figures;
        var result = new List<RowChange>(changes.Hours.Count + changes.Days.Count + changes.Contents.Count + changes.Members.Count + 1);
        foreach (var hour in changes.Hours)
        {
            result.Add(new RowChange(OutputTables.PlanUsageHourly, PlanUsageHourlyRow.KeyOf(plan, hour),
                figures.Hourly.TryGetValue(hour, out var t) && !t.IsZero ? new PlanUsageHourlyRow(plan, hour, t.Seconds, t.Events) : null));
        }

        foreach (var day in changes.Days)
        {
            result.Add(new RowChange(OutputTables.PlanUsageDaily, PlanUsageDailyRow.KeyOf(plan, day),
                figures.Daily.TryGetValue(day, out var t) && !t.IsZero ? new PlanUsageDailyRow(plan, day, t.Seconds, t.Events, t.ActiveUsers) : null));
        }

        foreach (var content in changes.Contents)
        {
            result.Add(new RowChange(OutputTables.PlanContentUsage, PlanContentUsageRow.KeyOf(plan, content),
                figures.Content.TryGetValue(content, out var t) && !t.IsZero ? new PlanContentUsageRow(plan, content, t.Seconds, t.Events) : null));
        }

        foreach (var user in changes.Members)
        {
            result.Add(new RowChange(OutputTables.PlanMembers, PlanMemberRow.KeyOf(plan, user),
                figures.MemberSince(user) is { } since ? new PlanMemberRow(plan, user, since) : null));
        }

        if (changes.Plan)
        {
            result.Add(new RowChange(OutputTables.Plans, plan, PlanRowOf(ledger)));
        }

        return result;
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
