using System.Text.Json;

namespace OrleansPlans.Oracle.Tests;

/// <summary>Cross-checks between tables that a naive implementation must satisfy whatever the data.</summary>
public sealed class OracleConsistencyTests
{
    [Fact]
    public void usage_tables_agree_with_each_other_and_account_for_every_distinct_usage_event()
    {
        var result = BatchOracle.Run(new EventGenerator(new GeneratorOptions { Seed = 11, UsageEvents = 5000, MembershipEvents = 1500 }).Generate());
        var tables = result.Tables;

        var hourly = SumByPlan(tables[TableNames.PlanUsageHourly]);
        Assert.Equal(hourly, SumByPlan(tables[TableNames.PlanUsageDaily]));
        Assert.Equal(hourly, SumByPlan(tables[TableNames.PlanContentUsage]));

        var attributedEvents = hourly.Values.Sum(v => v.Events);
        var unattributedEvents = tables[TableNames.UnattributedUsageDaily].Values.Sum(v => Read(v!).GetProperty("events").GetInt64());
        Assert.Equal(result.Statistics.UsageAttributed, attributedEvents);
        Assert.Equal(result.Statistics.DistinctValidEvents[Topics.Usage], attributedEvents + unattributedEvents);

        // Only active plans carry usage and members, and member_count matches plan_members.
        var plans = tables[TableNames.Plans].ToDictionary(p => p.Key, p => Read(p.Value!));
        Assert.All(hourly.Keys, plan => Assert.Equal("active", plans[plan].GetProperty("status").GetString()));
        var members = tables[TableNames.PlanMembers].Values.GroupBy(v => Read(v!).GetProperty("plan_id").GetString()!).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.All(plans, p => Assert.Equal(members.GetValueOrDefault(p.Key), p.Value.GetProperty("member_count").GetInt64()));
        Assert.All(
            plans.Values.Where(p => p.GetProperty("status").GetString() == "merged"),
            p => Assert.Equal("active", plans[p.GetProperty("merged_into").GetString()!].GetProperty("status").GetString()));
    }

    private static Dictionary<string, (long Seconds, long Events)> SumByPlan(SortedDictionary<string, string?> rows) =>
        rows.Values
            .Select(v => Read(v!))
            .GroupBy(r => r.GetProperty("plan_id").GetString()!)
            .ToDictionary(g => g.Key, g => (g.Sum(r => r.GetProperty("seconds").GetInt64()), g.Sum(r => r.GetProperty("events").GetInt64())));

    private static JsonElement Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
