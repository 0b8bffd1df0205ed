using System.Text;
using System.Text.Json;
using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Input.Kafka;
using OrleansPlans.Streaming.Kafka;

namespace OrleansPlans.EndToEnd.Tests;

/// <summary>The input's dead letters are <c>dead_letters</c> rows: the provider writes what the domain's row type writes.</summary>
public sealed class ContractDeadLetterFormatTests
{
    private static readonly KafkaPosition Position = new("content-usage", 3, 42);
    private static readonly DateTimeOffset ReceivedAt = new(2026, 3, 1, 10, 30, 0, 250, TimeSpan.FromHours(1));

    [Fact]
    public void a_dead_letter_is_the_dead_letters_row_of_its_position()
    {
        var format = new ContractDeadLetterFormat();
        var raw = Encoding.UTF8.GetBytes("{oops");
        var row = new DeadLetterRow(new SourcePosition("content-usage", 3, 42), "value is not valid JSON", raw, ReceivedAt);

        Assert.Equal(row.Key, format.Key(Position));
        Assert.Equal(RowJson.ToText(row), Encoding.UTF8.GetString(format.Value(Position, "value is not valid JSON", raw, ReceivedAt)));
    }

    [Fact]
    public void every_column_of_the_table_is_written_and_a_missing_value_is_null()
    {
        using var value = JsonDocument.Parse(new ContractDeadLetterFormat().Value(Position, "tombstone", null, ReceivedAt));

        var columns = OutputTableDescriptions.Of(OutputTables.DeadLetters).Columns.Select(c => c.Name);
        Assert.Equal(columns, value.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, value.RootElement.GetProperty("raw_value").ValueKind);
        Assert.Equal("2026-03-01T09:30:00.25Z", value.RootElement.GetProperty("received_at").GetString());
    }
}
