using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using OrleansPlans.DevBroker;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Grains;
using OrleansPlans.Grains.Hosting;
using OrleansPlans.Grains.Projection;
using OrleansPlans.Input.Kafka;
using OrleansPlans.Operations.Status;
using OrleansPlans.Oracle;
using OrleansPlans.Persistence.Postgres.Hosting;
using OrleansPlans.Postgres.Embedded;
using OrleansPlans.Postgres.Migrations;
using OrleansPlans.Streaming.Kafka;

namespace OrleansPlans.EndToEnd.Tests;

/// <summary>
/// The contract's topics on the dev broker → the Kafka stream provider with the contract decoder → 2 silos. One silo
/// is stopped mid-stream and another started; once everything is consumed the tables equal the oracle.
/// </summary>
public sealed class KafkaPipelineTests(PostgresServerFixture postgres)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(4);

    // Comparing reads the dead-letter topic anew: twice a second is often enough.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task generated_records_through_kafka_and_two_silos_with_a_silo_restart_equal_the_oracle()
    {
        var records = OracleScenario.Generate(new GeneratorOptions
        {
            Seed = 4242, Users = 150, Plans = 24, MembershipEvents = 2000, UsageEvents = 6000, Merges = 24, Partitions = 8, MergePartitions = 1,
        });
        await using var broker = DevBrokerCluster.Start(new DevBrokerOptions { DefaultPartitions = 8 });
        var input = new KafkaInputOptions { BootstrapServers = broker.BootstrapServers, ConsumerGroupId = "e2e", CheckpointStorageName = "checkpoints" };
        broker.CreateTopics([input.MembershipTopic, input.UsageTopic, input.DeadLetterTopic]);
        broker.CreateTopic(input.MergesTopic, partitions: 1);
        var connectionString = await postgres.CreateDatabaseAsync("e2e");
        await OrleansPostgresSchema.MigrateAsync(connectionString, TestContext.Current.CancellationToken);
        var rows = new InMemoryRowStore();
        var cluster = await StartClusterAsync(input, rows, connectionString);
        try
        {
            // Produce to the partitions the generator chose, so positions (and so dead-letter keys) are known.
            var half = records.Count / 2;
            var positions = await ProduceAsync(broker.BootstrapServers, records.Take(half));
            await Eventually.HoldsAsync(() => rows.ChangeCount > 0, Deadline, () => "no row change from the first half", PollInterval);
            await cluster.StopSiloAsync(cluster.Silos[^1], TestContext.Current.CancellationToken);
            positions.AddRange(await ProduceAsync(broker.BootstrapServers, records.Skip(half)));
            await cluster.StartAdditionalSiloAsync();

            await OracleScenario.AssertEqualsOracleAsync(positions, () => Tables(rows, broker.BootstrapServers, input.DeadLetterTopic), Deadline, PollInterval);
        }
        finally
        {
            await cluster.StopAllSilosAsync(TestContext.Current.CancellationToken);
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task a_silo_gone_after_its_checkpoints_but_before_its_kafka_commits_reads_zero_lag_soon_after_a_restart_without_new_records()
    {
        var records = new EventGenerator(new GeneratorOptions
        {
            Seed = 1313, Users = 40, Plans = 8, MembershipEvents = 300, UsageEvents = 900, Merges = 6, Partitions = 4, MergePartitions = 1,
        }).Generate();
        await using var broker = DevBrokerCluster.Start(new DevBrokerOptions { DefaultPartitions = 4 });
        var input = new KafkaInputOptions { BootstrapServers = broker.BootstrapServers, ConsumerGroupId = "e2e-crash", CheckpointStorageName = "checkpoints" };
        broker.CreateTopics([input.MembershipTopic, input.UsageTopic, input.DeadLetterTopic]);
        broker.CreateTopic(input.MergesTopic, partitions: 1);
        var connectionString = await postgres.CreateDatabaseAsync("e2e_crash");
        await OrleansPostgresSchema.MigrateAsync(connectionString, TestContext.Current.CancellationToken);
        await using var status = new PipelineStatusReader(new PipelineStatusOptions { BootstrapServers = broker.BootstrapServers, InputConsumerGroup = input.ConsumerGroupId });
        var rows = new InMemoryRowStore();

        // The first silo saves every checkpoint in PostgreSQL but never mirrors one to Kafka: the window a kill between
        // the two writes leaves, held open for the whole run, then closed by stopping the silo.
        var first = await StartClusterAsync(input, rows, connectionString, silos: 1,
            silo => silo.Services.Configure<KafkaStreamOptions>(KafkaInputStreams.ProviderName, o => o.MirrorCheckpointsToKafka = false));
        var positions = await ProduceAsync(broker.BootstrapServers, records);
        await OracleScenario.AssertEqualsOracleAsync(positions, () => Tables(rows, broker.BootstrapServers, input.DeadLetterTopic), Deadline, PollInterval);
        await first.StopAllSilosAsync(TestContext.Current.CancellationToken);
        await first.DisposeAsync();
        var stale = await status.ReadAsync(TestContext.Current.CancellationToken);
        Assert.Equal(records.Count, stale.TotalInputLag); // nothing committed to Kafka: the status reads every record as lag

        // A restart with no new records: only the resumed checkpoints can bring Kafka's committed offsets to the end.
        var second = await StartClusterAsync(input, rows, connectionString, silos: 1);
        try
        {
            PipelineStatus? current = null;
            await Eventually.HoldsAsync(
                async () => (current = await status.ReadAsync(TestContext.Current.CancellationToken)).TotalInputLag == 0,
                TimeSpan.FromSeconds(30),
                () => $"input lag still {current?.TotalInputLag}: {string.Join(", ", current?.InputLag.Where(p => p.Lag != 0).Select(p => $"{p.Topic}[{p.Partition}] {p.Lag}") ?? [])}",
                PollInterval);

            Assert.Equal("", BatchOracle.Compute(positions).DescribeDifferences(Tables(rows, broker.BootstrapServers, input.DeadLetterTopic)));
        }
        finally
        {
            await second.StopAllSilosAsync(TestContext.Current.CancellationToken);
            await second.DisposeAsync();
        }
    }

    private static async Task<InProcessTestCluster> StartClusterAsync(
        KafkaInputOptions input, InMemoryRowStore rows, string connectionString, short silos = 2, Action<Orleans.Hosting.ISiloBuilder>? configure = null)
    {
        // Durable state outlives the silo that is stopped (memory storage would die with it).
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage("PubSubStore");
            silo.AddPostgresGrainStorage(PlanAnalyticsStorage.Name, connectionString);
            silo.AddPostgresGrainStorage("checkpoints", connectionString);
            silo.Services.AddSingleton<IRowSink>(rows);
            silo.AddKafkaInputStreams(input);
            silo.AddPlanAnalytics();
            configure?.Invoke(silo);
        });
        builder.ConfigureClient(client => client.Services.AddPlanDomainSerialization());
        var cluster = builder.Build();
        await cluster.DeployAsync(TestContext.Current.CancellationToken);
        return cluster;
    }

    /// <summary>Produces each record to its generated partition; returns the records with the offsets Kafka gave them.</summary>
    private static async Task<List<RawRecord>> ProduceAsync(string bootstrap, IEnumerable<RawRecord> records)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig { BootstrapServers = bootstrap, Acks = Acks.All }).Build();
        var produced = new List<RawRecord>();
        foreach (var record in records)
        {
            // One at a time keeps each partition's order equal to the generator's (merges are decided in that order).
            var result = await producer.ProduceAsync(
                new TopicPartition(record.Topic, record.Partition),
                new Message<byte[]?, byte[]> { Key = record.Key is null ? null : Encoding.UTF8.GetBytes(record.Key), Value = record.Value });
            produced.Add(record with { Partition = result.Partition.Value, Offset = result.Offset.Value });
        }

        return produced;
    }

    /// <summary>Dead letters: refused merges come through the row sink, undecodable records through the dead-letter topic.</summary>
    private static IEnumerable<string> DeadLetterKeys(string bootstrap, string topic, InMemoryRowStore rows)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap, GroupId = $"dead-letter-reader-{Guid.NewGuid():N}", AutoOffsetReset = AutoOffsetReset.Earliest, EnableAutoCommit = false,
        }).Build();
        var keys = new HashSet<string>(rows.Table(OutputTables.DeadLetters).Select(r => r.Key), StringComparer.Ordinal);
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build();
        var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics[0].Partitions.Select(p => new TopicPartition(topic, p.PartitionId)).ToList();
        var ends = partitions.ToDictionary(p => p.Partition.Value, p => consumer.QueryWatermarkOffsets(p, TimeSpan.FromSeconds(10)).High.Value);
        consumer.Assign(partitions.Select(p => new TopicPartitionOffset(p, Offset.Beginning)));
        var remaining = ends.Count(e => e.Value > 0);
        var clock = Stopwatch.StartNew();
        while (remaining > 0 && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result?.Message is null)
            {
                continue;
            }

            keys.Add(result.Message.Key);
            if (result.Offset.Value + 1 == ends[result.Partition.Value])
            {
                remaining--;
            }
        }

        return keys;
    }

    private static CanonicalTables Tables(InMemoryRowStore rows, string bootstrap, string deadLetterTopic) =>
        OracleScenario.Canonical(rows.Snapshot().Where(r => r is not DeadLetterRow), DeadLetterKeys(bootstrap, deadLetterTopic, rows));
}
