using Confluent.Kafka;
using Confluent.Kafka.Admin;
using OrleansPlans.DevBroker;

namespace OrleansPlans.Streaming.Kafka.Tests;

/// <summary>The basic round trip against a real Kafka cluster, when one is given.</summary>
[Trait("Category", "RealKafka")]
public sealed class RealKafkaTests
{
    [Fact]
    public async Task records_round_trip_through_a_real_kafka_cluster()
    {
        var bootstrap = Environment.GetEnvironmentVariable(KafkaBootstrap.EnvironmentVariable);
        Assert.SkipWhen(string.IsNullOrWhiteSpace(bootstrap),
            $"Set {KafkaBootstrap.EnvironmentVariable} to a Kafka bootstrap address (loopback) to run the real-Kafka round trip.");

        await using var world = new KafkaStreamsTestWorld(bootstrap!, broker: null, partitions: 2);
        using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build())
        {
            await admin.CreateTopicsAsync(
            [
                new TopicSpecification { Name = world.Topic, NumPartitions = world.Partitions, ReplicationFactor = -1 },
                new TopicSpecification { Name = world.DeadLetterTopic, NumPartitions = 1, ReplicationFactor = -1 },
            ]);
        }

        await using var cluster = await world.StartClusterAsync(silos: 2);
        var records = TestRecord.Many("real", count: 100, keys: 5, partitions: world.Partitions);
        using (var producer = KafkaTestClients.Producer(world.BootstrapServers))
        {
            await KafkaTestClients.ProduceAsync(producer, world.Topic, records);
        }

        await Eventually.HoldsAsync(() => world.Log.AppliedCount >= records.Count, TimeSpan.FromSeconds(60),
            () => $"{world.Log.AppliedCount} of {records.Count} records applied");
        RecordAssert.AppliedExactly(records, world.Log);
    }
}
