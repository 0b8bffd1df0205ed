using System.Text.Json;
using OrleansPlans.Domain.Plans;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Domain.Serialization;
using OrleansPlans.Domain.Tests.Support;
using OrleansPlans.Domain.Users;

namespace OrleansPlans.Domain.Tests.Engine;

public sealed class StateSerializationTests
{
    [Fact]
    public void user_timeline_and_plan_ledger_survive_a_json_round_trip()
    {
        var s = new Scenario()
            .Added("m-1", "plan-a", "user-1", "2026-03-01T08:00:00Z")
            .Used("u-1", "user-1", "2026-03-01T10:00:00Z", seconds: 100)
            .Merged("g-1", "plan-a", "plan-b");
        var user = s.Engine.FindUser("user-1")!;
        var plan = s.Engine.FindPlan("plan-b")!;

        var userCopy = JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(user, DomainJsonContext.Default.UserTimeline), DomainJsonContext.Default.UserTimeline)!;
        var planCopy = JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(plan, DomainJsonContext.Default.PlanLedger), DomainJsonContext.Default.PlanLedger)!;

        Assert.Equal(user.Memberships, userCopy.Memberships);
        Assert.Equal(user.Usages, userCopy.Usages);
        Assert.Equal(user.Resolutions, userCopy.Resolutions);
        Assert.Equal(user.CurrentMembership(), userCopy.CurrentMembership());
        Assert.Equal(plan.CurrentRows().Select(RowJson.ToText).Order(), planCopy.CurrentRows().Select(RowJson.ToText).Order());
        Assert.Equal(plan.Aliases, planCopy.Aliases);
        Assert.Equal(plan.Users, planCopy.Users);
    }

    [Fact]
    public void a_restored_timeline_rejects_events_it_already_applied()
    {
        var user = new UserTimeline("user-1");
        user.Ingest(new Events.UsageEvent("u-1", "user-1", "c", 5, DateTimeOffset.UnixEpoch));
        user.CommitToOutbox();

        var copy = JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(user, DomainJsonContext.Default.UserTimeline), DomainJsonContext.Default.UserTimeline)!;

        Assert.False(copy.Ingest(new Events.UsageEvent("u-1", "user-1", "c", 5, DateTimeOffset.UnixEpoch)));
        Assert.Single(copy.Outbox.Unattributed);
    }

    [Fact]
    public void rows_round_trip_polymorphically()
    {
        OutputRow[] rows = [new PlanRow("p", "active", null, 3), new PlanUsageDailyRow("p", new DateOnly(2026, 3, 1), 5, 1, 1)];

        var copy = JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(rows.ToList(), DomainJsonContext.Default.ListOutputRow), DomainJsonContext.Default.ListOutputRow)!;

        Assert.Equal(rows, copy);
    }

    [Fact]
    public void output_row_json_matches_the_contract_format()
    {
        Assert.Equal("""{"plan_id":"p","hour_start":"2026-03-01T09:00:00Z","seconds":300,"events":1}""",
            RowJson.ToText(new PlanUsageHourlyRow("p", new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc), 300, 1)));
        Assert.Equal("""{"plan_id":"p","user_id":"u","member_since":"2026-03-01T09:30:00.25Z"}""",
            RowJson.ToText(new PlanMemberRow("p", "u", new DateTime(2026, 3, 1, 9, 30, 0, 250, DateTimeKind.Utc))));
        Assert.Equal("""{"plan_id":"p","status":"merged","merged_into":"q","member_count":0}""",
            RowJson.ToText(new PlanRow("p", "merged", "q", 0)));
    }
}
