using System.Text.Json;
using OrleansPlans.Domain.Events;

namespace OrleansPlans.Domain.Rows;

/// <summary>A row of <c>dead_letters</c>: an input record that was refused, with the reason.</summary>
public sealed record DeadLetterRow(SourcePosition Source, string Reason, byte[]? RawValue, DateTimeOffset ReceivedAt) : OutputRow
{
    /// <inheritdoc />
    public override string Table => OutputTables.DeadLetters;

    /// <inheritdoc />
    public override string Key => Source.ToString();

    /// <inheritdoc />
    public override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("source_topic", Source.Topic);
        writer.WriteNumber("source_partition", Source.Partition);
        writer.WriteNumber("source_offset", Source.Offset);
        writer.WriteString("reason", Reason);
        if (RawValue is null)
        {
            writer.WriteNull("raw_value");
        }
        else
        {
            writer.WriteBase64String("raw_value", RawValue);
        }

        writer.WriteString("received_at", RowFormat.Instant(ReceivedAt));
        writer.WriteEndObject();
    }
}
