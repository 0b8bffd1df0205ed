namespace OrleansPlans.Oracle.Computation;

/// <summary>Aggregates a finished <see cref="OracleRun"/> into the section-3 tables.</summary>
internal static class TableBuilder
{
    public static CanonicalTables Build(OracleRun run)
    {
        var tables = CanonicalTables.Empty();
        AddUsage(run, tables);
        var memberCounts = AddMembers(run, tables);
        AddPlans(run, tables, memberCounts);
        foreach (var (record, _) in run.DeadLetters)
        {
            tables.Add(TableNames.DeadLetters, RowFormat.DeadLetter(record.Topic, record.Partition, record.Offset));
        }

        return tables;
    }

    private static void AddUsage(OracleRun run, CanonicalTables tables)
    {
        var attributed = run.Attributions.Where(a => a.Plan is not null).Select(a => (Plan: a.Plan!, a.Usage)).ToList();
        foreach (var g in attributed.GroupBy(a => (a.Plan, Hour: HourOf(a.Usage.OccurredAt.Utc))))
        {
            tables.Add(TableNames.PlanUsageHourly, RowFormat.UsageHourly(g.Key.Plan, g.Key.Hour, g.Sum(a => a.Usage.Seconds), g.Count()));
        }

        foreach (var g in attributed.GroupBy(a => (a.Plan, Day: DayOf(a.Usage.OccurredAt.Utc))))
        {
            var activeUsers = g.Select(a => a.Usage.UserId).Distinct(StringComparer.Ordinal).Count();
            tables.Add(TableNames.PlanUsageDaily, RowFormat.UsageDaily(g.Key.Plan, g.Key.Day, g.Sum(a => a.Usage.Seconds), g.Count(), activeUsers));
        }

        // Contract 1.1: distinct users per plan (as it resolves after every merge) and UTC calendar month.
        foreach (var g in attributed.GroupBy(a => (a.Plan, Month: MonthOf(a.Usage.OccurredAt.Utc))))
        {
            var activeUsers = g.Select(a => a.Usage.UserId).Distinct(StringComparer.Ordinal).Count();
            tables.Add(TableNames.PlanUsageMonthly, RowFormat.UsageMonthly(g.Key.Plan, g.Key.Month, g.Sum(a => a.Usage.Seconds), g.Count(), activeUsers));
        }

        foreach (var g in attributed.GroupBy(a => (a.Plan, a.Usage.ContentId)))
        {
            tables.Add(TableNames.PlanContentUsage, RowFormat.ContentUsage(g.Key.Plan, g.Key.ContentId, g.Sum(a => a.Usage.Seconds), g.Count()));
        }

        foreach (var g in run.Attributions.Where(a => a.Plan is null).GroupBy(a => DayOf(a.Usage.OccurredAt.Utc)))
        {
            tables.Add(TableNames.UnattributedUsageDaily, RowFormat.UnattributedDaily(g.Key, g.Sum(a => a.Usage.Seconds), g.Count()));
        }
    }

    private static Dictionary<string, long> AddMembers(OracleRun run, CanonicalTables tables)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (user, timeline) in run.Timelines)
        {
            if (timeline.Open is { } open)
            {
                tables.Add(TableNames.PlanMembers, RowFormat.Member(open.PlanId, user, open.From));
                counts[open.PlanId] = counts.GetValueOrDefault(open.PlanId) + 1;
            }
        }

        return counts;
    }

    private static void AddPlans(OracleRun run, CanonicalTables tables, Dictionary<string, long> memberCounts)
    {
        var named = new HashSet<string>(run.Memberships.Select(m => m.PlanId), StringComparer.Ordinal);
        foreach (var merge in run.Merges.Where(m => m.Decision is MergeDecision.Applied or MergeDecision.NoOp))
        {
            named.Add(merge.Event.SourcePlanId);
            named.Add(merge.Event.TargetPlanId);
        }

        foreach (var plan in named)
        {
            var root = run.MergeBook.Root(plan);
            tables.Add(
                TableNames.Plans,
                root == plan
                    ? RowFormat.Plan(plan, "active", null, memberCounts.GetValueOrDefault(plan))
                    : RowFormat.Plan(plan, "merged", root, 0));
        }
    }

    private static DateTime HourOf(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc);

    private static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(utc);

    private static DateOnly MonthOf(DateTime utc) => new(utc.Year, utc.Month, 1);
}
