using System.Globalization;
using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Host.Reporting;

/// <summary>Prints the plan tables as a person would want to read them in a terminal.</summary>
public static class TableReport
{
    /// <summary>Writes the plans with their members and usage, monthly active users, the unattributed usage and the dead letters.</summary>
    public static void Write(TextWriter output, IReadOnlyCollection<OutputRow> rows)
    {
        var daily = rows.OfType<PlanUsageDailyRow>().ToList();
        var content = rows.OfType<PlanContentUsageRow>().ToList();
        output.WriteLine();
        output.WriteLine("plans");
        output.WriteLine($"  {"plan_id",-16} {"status",-7} {"merged_into",-14} {"members",7} {"hours used",11} {"events",7} {"top content",-18}");
        foreach (var plan in rows.OfType<PlanRow>().OrderBy(p => p.Status).ThenBy(p => p.PlanId, StringComparer.Ordinal))
        {
            var usage = daily.Where(d => d.PlanId == plan.PlanId).ToList();
            var top = content.Where(c => c.PlanId == plan.PlanId).MaxBy(c => c.Seconds)?.ContentId ?? "";
            output.WriteLine($"  {plan.PlanId,-16} {plan.Status,-7} {plan.MergedInto ?? "",-14} {plan.MemberCount,7} {Hours(usage.Sum(d => d.Seconds)),11} {usage.Sum(d => d.Events),7} {top,-18}");
        }

        output.WriteLine();
        output.WriteLine("plan_usage_daily (busiest days)");
        foreach (var day in daily.OrderByDescending(d => d.Seconds).Take(5))
        {
            output.WriteLine($"  {day.PlanId,-16} {RowFormat.Day(day.Day)} {Hours(day.Seconds),8} h {day.Events,5} events {day.ActiveUsers,4} active users");
        }

        output.WriteLine();
        output.WriteLine("plan_usage_monthly (monthly active users)");
        output.WriteLine($"  {"plan_id",-16} {"month",-7} {"active_users",12} {"hours used",11}");
        foreach (var month in rows.OfType<PlanUsageMonthlyRow>().OrderBy(m => m.PlanId, StringComparer.Ordinal).ThenBy(m => m.Month))
        {
            output.WriteLine($"  {month.PlanId,-16} {RowFormat.Day(month.Month)[..7],-7} {month.ActiveUsers,12} {Hours(month.Seconds),11}");
        }

        var unattributed = rows.OfType<UnattributedUsageDailyRow>().ToList();
        output.WriteLine();
        output.WriteLine($"unattributed usage: {Hours(unattributed.Sum(u => u.Seconds))} h in {unattributed.Sum(u => u.Events)} events over {unattributed.Count} days");
        output.WriteLine($"dead letters: {rows.OfType<DeadLetterRow>().Count()}");
        foreach (var dead in rows.OfType<DeadLetterRow>().OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {dead.Key}: {dead.Reason}");
        }
    }

    private static string Hours(long seconds) => (seconds / 3600.0).ToString("0.0", CultureInfo.InvariantCulture);
}
