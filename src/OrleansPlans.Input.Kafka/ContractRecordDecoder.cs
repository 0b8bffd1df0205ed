using System.Text;
using OrleansPlans.Domain.Events;
using OrleansPlans.Grains;
using OrleansPlans.Grains.Ingestion;
using OrleansPlans.Streaming.Kafka;

namespace OrleansPlans.Input.Kafka;

/// <summary>
/// Plugs the contract into the generic Kafka provider: decodes each input record with the contract codec and
/// routes it to the user's or the source plan's stream; a record that breaks the contract fails with the reason,
/// which the provider dead-letters at the record's topic, partition and offset.
/// </summary>
public sealed class ContractRecordDecoder : IKafkaRecordDecoder
{
    /// <inheritdoc />
    public KafkaDecodeResult Decode(in KafkaRecord record)
    {
        InputTopic? topic = record.StreamNamespace switch
        {
            StreamNamespaces.Membership => InputTopic.Membership,
            StreamNamespaces.Usage => InputTopic.Usage,
            StreamNamespaces.Merges => InputTopic.Merges,
            _ => null,
        };
        if (topic is null)
        {
            return KafkaDecodeResult.Failure($"stream namespace '{record.StreamNamespace}' is not an input of the contract");
        }

        var key = record.Key is null ? null : Encoding.UTF8.GetString(record.Key);
        var position = new SourcePosition(record.Position.Topic, record.Position.Partition, record.Position.Offset);
        var routed = InputRecordRouter.Route(topic.Value, key, record.Value ?? [], position, record.Timestamp);
        return routed.DeadLetter is { } dead
            ? KafkaDecodeResult.Failure(dead.Reason)
            : KafkaDecodeResult.Success(routed.Item!, topic == InputTopic.Merges ? StreamNamespaces.AllMergesKey : routed.StreamKey);
    }
}
