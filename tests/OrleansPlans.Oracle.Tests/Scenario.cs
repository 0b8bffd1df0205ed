using System.Globalization;
using System.Text;

namespace OrleansPlans.Oracle.Tests;

/// <summary>Builds a small record stream by hand, in arrival order, with positions on partition 0.</summary>
internal sealed class Scenario
{
    private readonly List<RawRecord> records = [];
    private readonly Dictionary<string, long> offsets = new(StringComparer.Ordinal);

    public IReadOnlyList<RawRecord> Records => records;

    public RawRecord Added(string id, string plan, string user, string at) => Member(id, "member_added", plan, user, at);

    public RawRecord Removed(string id, string plan, string user, string at) => Member(id, "member_removed", plan, user, at);

    public RawRecord Usage(string id, string user, string content, long seconds, string at) =>
        Raw(Topics.Usage, user, $$"""{"eventId":"{{id}}","userId":"{{user}}","contentId":"{{content}}","seconds":{{seconds}},"occurredAt":"{{at}}"}""");

    public RawRecord Merge(string id, string source, string target) =>
        Raw(Topics.Merges, source, $$"""{"eventId":"{{id}}","sourcePlanId":"{{source}}","targetPlanId":"{{target}}","occurredAt":"2026-03-01T00:00:00Z","requestedBy":"ops@example.com"}""");

    public RawRecord Raw(string topic, string? key, string json) => Bytes(topic, key, Encoding.UTF8.GetBytes(json));

    public RawRecord Bytes(string topic, string? key, byte[] value)
    {
        var offset = offsets.GetValueOrDefault(topic);
        offsets[topic] = offset + 1;
        var record = new RawRecord(topic, key, value, 0, offset);
        records.Add(record);
        return record;
    }

    public CanonicalTables Compute() => BatchOracle.Compute(records);

    public static DateTime Utc(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private RawRecord Member(string id, string type, string plan, string user, string at) =>
        Raw(Topics.Membership, user, $$"""{"eventId":"{{id}}","type":"{{type}}","planId":"{{plan}}","userId":"{{user}}","occurredAt":"{{at}}"}""");
}
