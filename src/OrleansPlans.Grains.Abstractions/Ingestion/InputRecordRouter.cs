using OrleansPlans.Domain.Contract;
using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Grains.Ingestion;

/// <summary>
/// Turns a raw input record into a stream item for the grains, or a dead letter with the reason. Every stream
/// provider feeding the grains (Kafka, memory streams in tests and the demo) goes through here.
/// </summary>
public static class InputRecordRouter
{
    /// <summary>Decodes and routes one record; <paramref name="receivedAt"/> stamps a dead letter.</summary>
    public static RoutedRecord Route(InputTopic topic, string? key, byte[] value, SourcePosition position, DateTimeOffset receivedAt)
    {
        var decoded = ContractCodec.Decode(topic, key, value);
        if (!decoded.IsValid)
        {
            return new RoutedRecord(null, null, null, new DeadLetterRow(position, decoded.Error, value, receivedAt));
        }

        return decoded.Value switch
        {
            MembershipEvent m => new RoutedRecord(StreamNamespaces.Membership, m.UserId, m, null),
            UsageEvent u => new RoutedRecord(StreamNamespaces.Usage, u.UserId, u, null),
            MergeEvent g => new RoutedRecord(StreamNamespaces.Merges, g.SourcePlanId, new MergeRequest(g, position, value), null),
            _ => throw new InvalidOperationException($"the codec returned an unexpected {decoded.Value.GetType()}"),
        };
    }
}
