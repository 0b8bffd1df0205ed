using System.Text;

namespace OrleansPlans.Streaming.Kafka.Tests;

/// <summary>The provider's generic dead-letter format (when the application plugs in none).</summary>
public sealed class JsonDeadLetterFormatTests
{
    [Fact]
    public void the_value_is_the_exact_json_the_dead_letters_table_reads()
    {
        var position = new KafkaPosition("t", 3, 42);
        var value = JsonDeadLetterFormat.Instance.Value(position, "bad \"json\"", Encoding.UTF8.GetBytes("{oops"), new DateTimeOffset(2026, 3, 1, 10, 30, 0, 250, TimeSpan.FromHours(1)));

        Assert.Equal("t|3|42", JsonDeadLetterFormat.Instance.Key(position));
        Assert.Equal(
            """{"source_topic":"t","source_partition":3,"source_offset":42,"reason":"bad \u0022json\u0022","raw_value":"e29vcHM=","received_at":"2026-03-01T09:30:00.25Z"}""",
            Encoding.UTF8.GetString(value));
    }

    [Fact]
    public void a_missing_value_is_null_and_a_whole_second_has_no_fraction()
    {
        var value = JsonDeadLetterFormat.Instance.Value(new KafkaPosition("t", 0, 7), "tombstone", null, new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero));

        Assert.Equal(
            """{"source_topic":"t","source_partition":0,"source_offset":7,"reason":"tombstone","raw_value":null,"received_at":"2026-03-01T09:30:00Z"}""",
            Encoding.UTF8.GetString(value));
    }
}
