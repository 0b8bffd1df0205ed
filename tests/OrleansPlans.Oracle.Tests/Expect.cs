namespace OrleansPlans.Oracle.Tests;

/// <summary>Helpers to write expected tables compactly and compare them exactly.</summary>
internal static class Expect
{
    public static CanonicalTables Tables(params (string Table, KeyValuePair<string, string?> Row)[] rows)
    {
        var tables = CanonicalTables.Empty();
        foreach (var (table, row) in rows)
        {
            tables.Add(table, row);
        }

        return tables;
    }

    /// <summary>
    /// One usage event's rows in all four attributed tables; without the monthly row when <paramref name="withMonth"/>
    /// is false (a test with more usage in that month writes the month's row itself).
    /// </summary>
    public static IEnumerable<(string, KeyValuePair<string, string?>)> Usage(
        string plan, string content, long seconds, string at, long activeUsers = 1, bool withMonth = true)
    {
        var t = Scenario.Utc(at);
        yield return (TableNames.PlanUsageHourly, RowFormat.UsageHourly(plan, new DateTime(t.Year, t.Month, t.Day, t.Hour, 0, 0, DateTimeKind.Utc), seconds, 1));
        yield return (TableNames.PlanUsageDaily, RowFormat.UsageDaily(plan, DateOnly.FromDateTime(t), seconds, 1, activeUsers));
        if (withMonth)
        {
            yield return (TableNames.PlanUsageMonthly, RowFormat.UsageMonthly(plan, new DateOnly(t.Year, t.Month, 1), seconds, 1, activeUsers));
        }

        yield return (TableNames.PlanContentUsage, RowFormat.ContentUsage(plan, content, seconds, 1));
    }

    public static void Equal(CanonicalTables expected, CanonicalTables actual) =>
        Assert.Equal("", expected.DescribeDifferences(actual));
}
