using OrleansPlans.Domain.Figures;
using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Domain.Engine;

/// <summary>
/// The in-memory engine's replica of the plan tables, a dictionary per table from key columns to the row's values (the
/// figures' own structs). Row objects and key strings are made only when the replica is read (<see cref="CopyTo"/>):
/// at 100,000 users the replica holds millions of rows, and a row object per change, kept until the row changed
/// again, was long-lived garbage that every collection had to promote and then sweep.
/// </summary>
internal sealed class PlanRowReplica(Action changed) : IRowChangeSink
{
    private readonly Dictionary<(string Plan, DateTime Hour), Tally> _hours = [];
    private readonly Dictionary<(string Plan, DateOnly Day), DayTally> _days = [];
    private readonly Dictionary<(string Plan, DateOnly Month), DayTally> _months = [];
    private readonly Dictionary<(string Plan, string Content), Tally> _contents = [];
    private readonly Dictionary<(string Plan, string User), DateTime> _members = [];
    private readonly Dictionary<string, PlanRowValues> _plans = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public void Hour(string planId, DateTime hourStart, Tally? usage) => Set(_hours, (planId, hourStart), usage);

    /// <inheritdoc />
    public void Day(string planId, DateOnly day, DayTally? usage) => Set(_days, (planId, day), usage);

    /// <inheritdoc />
    public void Month(string planId, DateOnly month, DayTally? usage) => Set(_months, (planId, month), usage);

    /// <inheritdoc />
    public void Content(string planId, string contentId, Tally? usage) => Set(_contents, (planId, contentId), usage);

    /// <inheritdoc />
    public void Member(string planId, string userId, DateTime? memberSince) => Set(_members, (planId, userId), memberSince);

    /// <inheritdoc />
    public void Plan(string planId, PlanRowValues? values) => Set(_plans, planId, values);

    /// <summary>Adds every row, as a row object by its key text, to <paramref name="tables"/> (table → key → row).</summary>
    public void CopyTo(Dictionary<string, Dictionary<string, OutputRow>> tables)
    {
        foreach (var ((plan, hour), t) in _hours)
        {
            Put(tables, new PlanUsageHourlyRow(plan, hour, t.Seconds, t.Events));
        }

        foreach (var ((plan, day), t) in _days)
        {
            Put(tables, new PlanUsageDailyRow(plan, day, t.Seconds, t.Events, t.ActiveUsers));
        }

        foreach (var ((plan, month), t) in _months)
        {
            Put(tables, new PlanUsageMonthlyRow(plan, month, t.Seconds, t.Events, t.ActiveUsers));
        }

        foreach (var ((plan, content), t) in _contents)
        {
            Put(tables, new PlanContentUsageRow(plan, content, t.Seconds, t.Events));
        }

        foreach (var ((plan, user), since) in _members)
        {
            Put(tables, new PlanMemberRow(plan, user, since));
        }

        foreach (var (plan, values) in _plans)
        {
            Put(tables, values.Row(plan));
        }
    }

    private static void Put(Dictionary<string, Dictionary<string, OutputRow>> tables, OutputRow row) =>
        tables[row.Table][row.Key] = row;

    private void Set<TKey, TValue>(Dictionary<TKey, TValue> rows, TKey key, TValue? values)
        where TKey : notnull
        where TValue : struct
    {
        changed();
        if (values is { } set)
        {
            rows[key] = set;
        }
        else
        {
            rows.Remove(key);
        }
    }
}
