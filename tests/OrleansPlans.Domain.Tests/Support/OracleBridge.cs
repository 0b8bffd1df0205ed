using OrleansPlans.Domain.Engine;
using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Oracle;

namespace OrleansPlans.Domain.Tests.Support;

/// <summary>Feeds oracle records to the engine and reads the engine's tables in the oracle's canonical form.</summary>
internal static class OracleBridge
{
    public static InputTopic TopicOf(string topic) => topic switch
    {
        Topics.Membership => InputTopic.Membership,
        Topics.Usage => InputTopic.Usage,
        Topics.Merges => InputTopic.Merges,
        _ => throw new ArgumentOutOfRangeException(nameof(topic), topic, "not an input topic"),
    };

    public static InMemoryPlanAnalytics Run(IEnumerable<RawRecord> records)
    {
        var engine = new InMemoryPlanAnalytics();
        foreach (var record in records)
        {
            engine.Accept(TopicOf(record.Topic), record.Key, record.Value, new SourcePosition(record.Topic, record.Partition, record.Offset));
        }

        return engine;
    }

    public static CanonicalTables Canonical(IEnumerable<OutputRow> rows)
    {
        var tables = CanonicalTables.Empty();
        foreach (var row in rows)
        {
            // Dead letters are compared by position only: reasons and receive times legitimately differ.
            tables.Add(row.Table, row.Key, row is DeadLetterRow ? null : RowJson.ToText(row));
        }

        return tables;
    }
}
