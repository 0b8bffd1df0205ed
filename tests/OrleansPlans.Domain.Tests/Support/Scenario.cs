using OrleansPlans.Domain.Engine;
using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Domain.Tests.Support;

/// <summary>Feeds records to an in-memory engine in a given order and reads the resulting tables.</summary>
internal sealed class Scenario
{
    private readonly Dictionary<InputTopic, long> _offsets = [];

    public InMemoryPlanAnalytics Engine { get; } = new();

    public Scenario Added(string eventId, string plan, string user, string at) =>
        Feed(InputTopic.Membership, user, Json.Membership(eventId, "member_added", plan, user, at));

    public Scenario Removed(string eventId, string plan, string user, string at) =>
        Feed(InputTopic.Membership, user, Json.Membership(eventId, "member_removed", plan, user, at));

    public Scenario Used(string eventId, string user, string at, int seconds = 60, string content = "c-1") =>
        Feed(InputTopic.Usage, user, Json.Usage(eventId, user, content, seconds, at));

    public Scenario Merged(string eventId, string source, string target) =>
        Feed(InputTopic.Merges, source, Json.Merge(eventId, source, target));

    public Scenario Feed(InputTopic topic, string? key, byte[] value)
    {
        var offset = _offsets.GetValueOrDefault(topic);
        _offsets[topic] = offset + 1;
        Engine.Accept(topic, key, value, new SourcePosition(topic.ToString(), 0, offset));
        return this;
    }

    public IReadOnlyDictionary<string, OutputRow> Table(string table) => Engine.Tables[table];

    public T? Row<T>(string table, string key)
        where T : OutputRow => Engine.Tables[table].TryGetValue(key, out var row) ? (T)row : null;

    public PlanRow? Plan(string plan) => Row<PlanRow>(OutputTables.Plans, plan);

    public PlanMemberRow? Member(string plan, string user) => Row<PlanMemberRow>(OutputTables.PlanMembers, $"{plan}|{user}");

    public PlanUsageDailyRow? Daily(string plan, string day) => Row<PlanUsageDailyRow>(OutputTables.PlanUsageDaily, $"{plan}|{day}");

    public PlanUsageMonthlyRow? Monthly(string plan, string month) => Row<PlanUsageMonthlyRow>(OutputTables.PlanUsageMonthly, $"{plan}|{month}");

    public PlanUsageHourlyRow? Hourly(string plan, string hour) => Row<PlanUsageHourlyRow>(OutputTables.PlanUsageHourly, $"{plan}|{hour}");

    public UnattributedUsageDailyRow? Unattributed(string day) => Row<UnattributedUsageDailyRow>(OutputTables.UnattributedUsageDaily, day);

    public IEnumerable<DeadLetterRow> DeadLetters => Engine.Tables[OutputTables.DeadLetters].Values.Cast<DeadLetterRow>();

    /// <summary>The incrementally maintained replica must equal the rows computed afresh from the ledgers.</summary>
    public void AssertReplicaConsistent()
    {
        var fresh = Engine.CurrentRows().ToDictionary(r => $"{r.Table}/{r.Key}", RowJson.ToText);
        var replica = Engine.Tables.SelectMany(t => t.Value.Values).ToDictionary(r => $"{r.Table}/{r.Key}", RowJson.ToText);
        Assert.Equal(fresh.OrderBy(p => p.Key), replica.OrderBy(p => p.Key));
    }
}
