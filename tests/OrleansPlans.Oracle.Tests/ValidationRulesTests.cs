using System.Text;

namespace OrleansPlans.Oracle.Tests;

public sealed class ValidationRulesTests
{
    private const string Usage = Topics.Usage;
    private const string Membership = Topics.Membership;
    private const string Merges = Topics.Merges;

    public static TheoryData<string, string, string?, string> Poison => new()
    {
        { "not json", Usage, "user-1", """{"eventId":"u-1","userId":""" },
        { "array root", Usage, "user-1", """[{"eventId":"u-1","userId":"user-1","contentId":"c1","seconds":300,"occurredAt":"2026-03-01T10:00:00Z"}]""" },
        { "string root", Usage, "user-1", "\"u-1\"" },
        { "missing contentId", Usage, "user-1", """{"eventId":"u-1","userId":"user-1","seconds":300,"occurredAt":"2026-03-01T10:00:00Z"}""" },
        { "null userId", Usage, null, """{"eventId":"u-1","userId":null,"contentId":"c1","seconds":300,"occurredAt":"2026-03-01T10:00:00Z"}""" },
        { "identifier with space", Usage, "user-1", """{"eventId":"u-1","userId":"user-1","contentId":"c 1","seconds":300,"occurredAt":"2026-03-01T10:00:00Z"}""" },
        { "identifier non-ascii", Usage, "user-1", """{"eventId":"u-1","userId":"user-1","contentId":"c\u00e41","seconds":300,"occurredAt":"2026-03-01T10:00:00Z"}""" },
        { "identifier empty", Usage, "user-1", """{"eventId":"u-1","userId":"user-1","contentId":"","seconds":300,"occurredAt":"2026-03-01T10:00:00Z"}""" },
        { "identifier 129", Usage, "user-1", $$"""{"eventId":"u-1","userId":"user-1","contentId":"{{new string('c', 129)}}","seconds":300,"occurredAt":"2026-03-01T10:00:00Z"}""" },
        { "identifier number", Usage, "user-1", """{"eventId":"u-1","userId":"user-1","contentId":7,"seconds":300,"occurredAt":"2026-03-01T10:00:00Z"}""" },
        { "no offset", Usage, "user-1", """{"eventId":"u-1","userId":"user-1","contentId":"c1","seconds":300,"occurredAt":"2026-03-01T10:00:00"}""" },
        { "space separator", Usage, "user-1", """{"eventId":"u-1","userId":"user-1","contentId":"c1","seconds":300,"occurredAt":"2026-03-01 10:00:00Z"}""" },
        { "unparsable", Usage, "user-1", """{"eventId":"u-1","userId":"user-1","contentId":"c1","seconds":300,"occurredAt":"soon"}""" },
        { "feb 30", Usage, "user-1", """{"eventId":"u-1","userId":"user-1","contentId":"c1","seconds":300,"occurredAt":"2026-02-30T10:00:00Z"}""" },
        { "10 fraction digits", Usage, "user-1", """{"eventId":"u-1","userId":"user-1","contentId":"c1","seconds":300,"occurredAt":"2026-03-01T10:00:00.1234567891Z"}""" },
        { "trailing newline", Usage, "user-1", """{"eventId":"u-1","userId":"user-1","contentId":"c1","seconds":300,"occurredAt":"2026-03-01T10:00:00Z\n"}""" },
        { "seconds 0", Usage, "user-1", """{"eventId":"u-1","userId":"user-1","contentId":"c1","seconds":0,"occurredAt":"2026-03-01T10:00:00Z"}""" },
        { "seconds 86401", Usage, "user-1", """{"eventId":"u-1","userId":"user-1","contentId":"c1","seconds":86401,"occurredAt":"2026-03-01T10:00:00Z"}""" },
        { "seconds 1.5", Usage, "user-1", """{"eventId":"u-1","userId":"user-1","contentId":"c1","seconds":1.5,"occurredAt":"2026-03-01T10:00:00Z"}""" },
        { "seconds 300.0", Usage, "user-1", """{"eventId":"u-1","userId":"user-1","contentId":"c1","seconds":300.0,"occurredAt":"2026-03-01T10:00:00Z"}""" },
        { "seconds 3e2", Usage, "user-1", """{"eventId":"u-1","userId":"user-1","contentId":"c1","seconds":3e2,"occurredAt":"2026-03-01T10:00:00Z"}""" },
        { "seconds string", Usage, "user-1", """{"eventId":"u-1","userId":"user-1","contentId":"c1","seconds":"300","occurredAt":"2026-03-01T10:00:00Z"}""" },
        { "usage key mismatch", Usage, "user-2", """{"eventId":"u-1","userId":"user-1","contentId":"c1","seconds":300,"occurredAt":"2026-03-01T10:00:00Z"}""" },
        { "unknown type", Membership, "user-1", """{"eventId":"m-1","type":"member_joined","planId":"p","userId":"user-1","occurredAt":"2026-03-01T10:00:00Z"}""" },
        { "type case", Membership, "user-1", """{"eventId":"m-1","type":"Member_Added","planId":"p","userId":"user-1","occurredAt":"2026-03-01T10:00:00Z"}""" },
        { "membership key mismatch", Membership, "user-2", """{"eventId":"m-1","type":"member_added","planId":"p","userId":"user-1","occurredAt":"2026-03-01T10:00:00Z"}""" },
        { "missing type", Membership, "user-1", """{"eventId":"m-1","planId":"p","userId":"user-1","occurredAt":"2026-03-01T10:00:00Z"}""" },
        { "merge key mismatch", Merges, "plan-b", """{"eventId":"g-1","sourcePlanId":"plan-a","targetPlanId":"plan-b","occurredAt":"2026-03-01T10:00:00Z","requestedBy":"ops"}""" },
        { "missing requestedBy", Merges, "plan-a", """{"eventId":"g-1","sourcePlanId":"plan-a","targetPlanId":"plan-b","occurredAt":"2026-03-01T10:00:00Z"}""" },
        { "requestedBy 257", Merges, "plan-a", $$"""{"eventId":"g-1","sourcePlanId":"plan-a","targetPlanId":"plan-b","occurredAt":"2026-03-01T10:00:00Z","requestedBy":"{{new string('r', 257)}}"}""" },
        { "merge bad timestamp", Merges, "plan-a", """{"eventId":"g-1","sourcePlanId":"plan-a","targetPlanId":"plan-b","occurredAt":"2026-03-01T10:00:00+0100","requestedBy":"ops"}""" },
    };

    public static TheoryData<string, string, string?, string> ValidEdges => new()
    {
        { "unknown fields", Usage, "user-1", """{"eventId":"u-1","userId":"user-1","contentId":"c1","seconds":300,"occurredAt":"2026-03-01T10:00:00Z","extra":{"a":[1,null]},"type":"x"}""" },
        { "null key", Usage, null, """{"eventId":"u-1","userId":"user-1","contentId":"c1","seconds":300,"occurredAt":"2026-03-01T10:00:00Z"}""" },
        { "seconds 1", Usage, "user-1", """{"eventId":"u-1","userId":"user-1","contentId":"c1","seconds":1,"occurredAt":"2026-03-01T10:00:00Z"}""" },
        { "seconds 86400", Usage, "user-1", """{"eventId":"u-1","userId":"user-1","contentId":"c1","seconds":86400,"occurredAt":"2026-03-01T10:00:00Z"}""" },
        { "lowercase t and z, 7 digits", Usage, "user-1", """{"eventId":"u-1","userId":"user-1","contentId":"c1","seconds":300,"occurredAt":"2026-03-01t10:00:00.1234567z"}""" },
        { "9 fraction digits (Java, Go)", Usage, "user-1", """{"eventId":"u-1","userId":"user-1","contentId":"c1","seconds":300,"occurredAt":"2026-03-01T10:00:00.123456789Z"}""" },
        { "escaped identifier", Usage, "user-1", """{"eventId":"u-1","userId":"\u0075ser-1","contentId":"c1","seconds":300,"occurredAt":"2026-03-01T10:00:00-03:30"}""" },
        { "identifier 128 of every allowed char", Usage, "user-1", $$"""{"eventId":"u-1","userId":"user-1","contentId":"{{string.Concat(Enumerable.Repeat("aZ09._:@-", 14))}}xx","seconds":300,"occurredAt":"2026-03-01T10:00:00Z"}""" },
        { "removed first event", Membership, "user-1", """{"eventId":"m-1","type":"member_removed","planId":"p","userId":"user-1","occurredAt":"2026-03-01T10:00:00+14:00"}""" },
        { "requestedBy 256 any chars", Merges, "plan-a", $$"""{"eventId":"g-1","sourcePlanId":"plan-a","targetPlanId":"plan-b","occurredAt":"2026-03-01T10:00:00Z","requestedBy":"Zoë {{new string('r', 252)}}"}""" },
    };

    [Theory]
    [MemberData(nameof(Poison))]
    public void poison_is_dead_lettered_and_does_not_consume_its_event_id(string kind, string topic, string? key, string json)
    {
        var s = new Scenario();
        var poison = s.Raw(topic, key, json);
        s.Raw(Usage, "user-1", """{"eventId":"u-1","userId":"user-1","contentId":"c1","seconds":300,"occurredAt":"2026-03-01T10:00:00Z"}""");
        s.Raw(Membership, "user-1", """{"eventId":"m-1","type":"member_added","planId":"p","userId":"user-1","occurredAt":"2026-03-01T09:00:00Z"}""");
        s.Raw(Merges, "plan-a", """{"eventId":"g-1","sourcePlanId":"plan-a","targetPlanId":"plan-b","occurredAt":"2026-03-01T10:00:00Z","requestedBy":"ops"}""");

        var result = BatchOracle.Run(s.Records);

        var deadLetters = result.Tables[TableNames.DeadLetters].Keys;
        Assert.True(deadLetters.SequenceEqual([poison.PositionKey]), $"{kind}: dead letters [{string.Join(", ", deadLetters)}]");
        Assert.All(result.Statistics.DistinctValidEvents.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public void invalid_utf8_and_empty_values_are_dead_lettered()
    {
        var s = new Scenario();
        var json = Encoding.UTF8.GetBytes("""{"eventId":"u-1","userId":"user-1","contentId":"cX","seconds":300,"occurredAt":"2026-03-01T10:00:00Z"}""");
        json[json.AsSpan().IndexOf((byte)'X')] = 0xFF;
        var notUtf8 = s.Bytes(Usage, "user-1", json);
        var empty = s.Bytes(Usage, "user-1", []);

        Assert.Equal([notUtf8.PositionKey, empty.PositionKey], s.Compute()[TableNames.DeadLetters].Keys);
    }

    [Theory]
    [MemberData(nameof(ValidEdges))]
    public void valid_edge_cases_are_accepted(string kind, string topic, string? key, string json)
    {
        var s = new Scenario();
        s.Raw(topic, key, json);

        var result = BatchOracle.Run(s.Records);

        Assert.True(result.Tables[TableNames.DeadLetters].Count == 0, kind);
        Assert.Equal(1, result.Statistics.DistinctValidEvents[topic]);
    }

    [Fact]
    public void duplicates_count_once_and_other_topics_are_ignored()
    {
        var s = new Scenario();
        var first = s.Usage("u-1", "user-1", "c1", 300, "2026-03-01T10:00:00Z");
        s.Bytes(first.Topic, first.Key, first.Value);
        s.Usage("u-1", "user-1", "c1", 300, "2026-03-01T10:00:00+00:00"); // a retry re-serialized differently: same event
        s.Raw("some-other-topic", null, "not even json");

        var result = BatchOracle.Run(s.Records);

        Assert.Equal(
            RowFormat.UnattributedDaily(new DateOnly(2026, 3, 1), 300, 1).Value,
            Assert.Single(result.Tables[TableNames.UnattributedUsageDaily]).Value);
        Assert.Equal(1, result.Tables.RowCount);
        Assert.Equal(2, result.Statistics.DuplicatesIgnored[Topics.Usage]);
        Assert.Equal(1, result.Statistics.IgnoredOtherTopic);
    }
}
