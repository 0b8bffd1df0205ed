using Confluent.Kafka;
using OrleansPlans.Domain.Events;
using OrleansPlans.Input.Kafka;

namespace OrleansPlans.Host.Demo;

/// <summary>Produces the demo records to the input topics, as any external producer would.</summary>
public sealed class KafkaDemoProducer(KafkaInputOptions input)
{
    /// <summary>Produces every record (keyed) and waits until all are acknowledged.</summary>
    public async Task ProduceAsync(IReadOnlyList<DemoRecord> records, CancellationToken cancellationToken)
    {
        var config = new ProducerConfig { BootstrapServers = input.BootstrapServers, EnableIdempotence = true, Acks = Acks.All, LingerMs = 5 };
        foreach (var (key, value) in input.ClientConfig)
        {
            config.Set(key, value);
        }

        using var producer = new ProducerBuilder<string, byte[]>(config).Build();
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var topic = record.Topic switch
            {
                InputTopic.Membership => input.MembershipTopic,
                InputTopic.Usage => input.UsageTopic,
                _ => input.MergesTopic,
            };
            producer.Produce(topic, new Message<string, byte[]> { Key = record.Key, Value = record.Value });
        }

        await Task.Run(() => producer.Flush(cancellationToken), cancellationToken);
    }
}
