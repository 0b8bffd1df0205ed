using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Streaming.Kafka;

namespace OrleansPlans.Input.Kafka;

/// <summary>
/// Dead letters of the input topics as rows of the contract's <c>dead_letters</c> table (<see cref="DeadLetterRow"/>,
/// described with the other tables in <see cref="OutputTableDescriptions"/>): the provider's records and the ones the
/// grains dead-letter share the topic and the sink, so they are written by the same row type.
/// </summary>
public sealed class ContractDeadLetterFormat : IKafkaDeadLetterFormat
{
    /// <inheritdoc />
    public string Key(KafkaPosition position) => Row(position, "", null, default).Key;

    /// <inheritdoc />
    public byte[] Value(KafkaPosition position, string reason, byte[]? rawValue, DateTimeOffset receivedAt) =>
        RowJson.ToUtf8(Row(position, reason, rawValue, receivedAt));

    private static DeadLetterRow Row(KafkaPosition position, string reason, byte[]? rawValue, DateTimeOffset receivedAt) =>
        new(new SourcePosition(position.Topic, position.Partition, position.Offset), reason, rawValue, receivedAt);
}
