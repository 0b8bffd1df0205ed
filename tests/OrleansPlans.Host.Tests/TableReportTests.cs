using OrleansPlans.Domain.Rows;
using OrleansPlans.Host.Reporting;

namespace OrleansPlans.Host.Tests;

/// <summary>What <c>./run.sh</c> prints once the demo settled.</summary>
public sealed class TableReportTests
{
    [Fact]
    public void the_report_lists_monthly_active_users_per_plan_and_month()
    {
        var output = new StringWriter();

        TableReport.Write(output,
        [
            new PlanRow("plan-b", PlanRow.Active, null, 2),
            new PlanUsageMonthlyRow("plan-b", new DateOnly(2026, 3, 1), 7200, 4, 2),
            new PlanUsageMonthlyRow("plan-a", new DateOnly(2026, 4, 1), 1800, 1, 1),
            new PlanUsageMonthlyRow("plan-a", new DateOnly(2026, 3, 1), 5400, 3, 3),
        ]);

        var lines = output.ToString().Split(Environment.NewLine);
        var header = Array.IndexOf(lines, "plan_usage_monthly (monthly active users)");
        Assert.True(header >= 0, output.ToString());
        Assert.Equal(
            [
                "  plan_id          month   active_users  hours used",
                "  plan-a           2026-03            3         1.5",
                "  plan-a           2026-04            1         0.5",
                "  plan-b           2026-03            2         2.0",
            ],
            lines[(header + 1)..(header + 5)]);
    }
}
