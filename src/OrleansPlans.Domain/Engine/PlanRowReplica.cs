using OrleansPlans.Domain.Figures;
using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Domain.Engine;

/// <summary>
/// The in-memory engine's replica of the plan tables: per plan, a dictionary per table from key columns to the row's
/// values (the figures' own structs). Row objects and key strings are made only when the replica is read
/// (<see cref="CopyTo"/>): at 100,000 users the replica holds millions of rows, and a row object per change, kept
/// until the row changed again, was long-lived garbage that every collection had to promote and then sweep. Kept per
/// plan because a plan's changes come together: one lookup of the plan, then small tables keyed by a day, content or
/// user, and the hours as a day's array (<see cref="HourRowsByDay"/>), so no string is hashed per row and the tables
/// stay near in memory.
/// </summary>
internal sealed class PlanRowReplica(Action changed) : IRowChangeSink
{
    private readonly Dictionary<string, PlanTables> _plans = new(StringComparer.Ordinal);

    // The plan the last change was for: its changes arrive one after another.
    private string? _lastPlanId;
    private PlanTables? _last;

    /// <inheritdoc />
    public void Hour(string planId, DateTime hourStart, Tally? usage)
    {
        changed();
        Tables(planId).Hours.Set(hourStart, usage);
    }

    /// <inheritdoc />
    public void Day(string planId, DateOnly day, DayTally? usage) => Set(Tables(planId).Days, day, usage);

    /// <inheritdoc />
    public void Month(string planId, DateOnly month, DayTally? usage) => Set(Tables(planId).Months, month, usage);

    /// <inheritdoc />
    public void Content(string planId, string contentId, Tally? usage) => Set(Tables(planId).Contents, contentId, usage);

    /// <inheritdoc />
    public void Member(string planId, string userId, DateTime? memberSince) => Set(Tables(planId).Members, userId, memberSince);

    /// <inheritdoc />
    public void Plan(string planId, PlanRowValues? values)
    {
        changed();
        Tables(planId).Plan = values;
    }

    /// <summary>Adds every row, as a row object by its key text, to <paramref name="tables"/> (table → key → row).</summary>
    public void CopyTo(Dictionary<string, Dictionary<string, OutputRow>> tables)
    {
        foreach (var (plan, rows) in _plans)
        {
            foreach (var (hour, t) in rows.Hours.Rows())
            {
                Put(tables, PlanRows.HourRow(plan, hour, t));
            }

            foreach (var (day, t) in rows.Days)
            {
                Put(tables, PlanRows.DayRow(plan, day, t));
            }

            foreach (var (month, t) in rows.Months)
            {
                Put(tables, PlanRows.MonthRow(plan, month, t));
            }

            foreach (var (content, t) in rows.Contents)
            {
                Put(tables, PlanRows.ContentRow(plan, content, t));
            }

            foreach (var (user, since) in rows.Members)
            {
                Put(tables, new PlanMemberRow(plan, user, since));
            }

            if (rows.Plan is { } values)
            {
                Put(tables, values.Row(plan));
            }
        }
    }

    private static void Put(Dictionary<string, Dictionary<string, OutputRow>> tables, OutputRow row) =>
        tables[row.Table][row.Key] = row;

    private PlanTables Tables(string planId)
    {
        if (!ReferenceEquals(planId, _lastPlanId))
        {
            if (!_plans.TryGetValue(planId, out _last))
            {
                _plans[planId] = _last = new PlanTables();
            }

            _lastPlanId = planId;
        }

        return _last!;
    }

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

    /// <summary>One plan id's rows.</summary>
    private sealed class PlanTables
    {
        public HourRowsByDay Hours { get; } = new();

        public Dictionary<DateOnly, DayTally> Days { get; } = [];

        public Dictionary<DateOnly, DayTally> Months { get; } = [];

        public Dictionary<string, Tally> Contents { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, DateTime> Members { get; } = new(StringComparer.Ordinal);

        public PlanRowValues? Plan { get; set; }
    }
}
