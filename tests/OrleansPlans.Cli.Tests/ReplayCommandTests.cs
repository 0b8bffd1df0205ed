using OrleansPlans.Domain.Rows;
using OrleansPlans.Projection.Kafka;

namespace OrleansPlans.Cli.Tests;

/// <summary><c>replay</c>: the tables are emptied and rebuilt from the compacted output topics with the sink's code.</summary>
public sealed class ReplayCommandTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task replay_rebuilds_the_tables_from_the_output_topics_and_leaves_the_offsets_at_the_end()
    {
        using var broker = Brokers.StartWithContractTopics(partitions: 2);
        var connection = await postgres.CreateDatabaseAsync("replay");
        Assert.Equal(0, (await new CliRunner().RunAsync("migrate", "--connection", connection)).ExitCode);

        var day1 = new DateOnly(2026, 3, 1);
        var day2 = new DateOnly(2026, 3, 2);
        await using (var projector = new KafkaRowSink(new KafkaProjectionOptions { BootstrapServers = broker.BootstrapServers, FlushInterval = TimeSpan.FromMilliseconds(10) }))
        {
            await projector.PublishAsync([
                Change(new PlanRow("plan-1", PlanRow.Active, null, 2)),
                Change(new PlanRow("plan-2", PlanRow.Active, null, 1)),
                Change(new UnattributedUsageDailyRow(day1, 100, 2)),
                Change(new UnattributedUsageDailyRow(day2, 50, 1)),
            ]);
            await projector.PublishAsync([
                Change(new PlanRow("plan-1", PlanRow.Active, null, 3)),
                Change(new PlanRow("plan-2", PlanRow.Merged, "plan-1", 0)),
                new RowChange(OutputTables.UnattributedUsageDaily, UnattributedUsageDailyRow.KeyOf(day2), null),
            ]);
        }

        // What a broken earlier projection might have left: a row no topic holds, and offsets claiming everything was applied.
        await Database.ExecuteAsync(connection, "insert into analytics.plans values ('stale-plan', 'active', null, 9)");
        await Database.ExecuteAsync(connection,
            "insert into analytics.sink_offsets (consumer_group, topic, partition, next_offset) values ('orleansplans-analytics', 'plans', 0, 1000)");

        var result = await new CliRunner().RunAsync("replay", "--yes", "--bootstrap", broker.BootstrapServers, "--connection", connection);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("deleted 1 rows", result.Out, StringComparison.Ordinal);
        Assert.Contains("progress: 100%", result.Out, StringComparison.Ordinal);
        Assert.Equal(
            ["plan-1|active|null|3", "plan-2|merged|plan-1|0"],
            await Database.RowsAsync(connection, "select plan_id, status, merged_into, member_count from analytics.plans order by plan_id"));
        Assert.Equal(
            ["2026-03-01|100|2"],
            await Database.RowsAsync(connection, "select to_char(day, 'YYYY-MM-DD'), seconds, events from analytics.unattributed_usage_daily"));

        // The sink's offsets now sit at the topics' ends: a host's sink resumes from there without re-applying anything.
        using var consumer = new Confluent.Kafka.ConsumerBuilder<byte[], byte[]>(new Confluent.Kafka.ConsumerConfig { BootstrapServers = broker.BootstrapServers, GroupId = "ends" }).Build();
        var highs = OutputTables.All.Select(OutputTables.DefaultTopic)
            .SelectMany(topic => Enumerable.Range(0, 2).Select(partition => (topic, partition,
                high: consumer.QueryWatermarkOffsets(new Confluent.Kafka.TopicPartition(topic, partition), TimeSpan.FromSeconds(10)).High.Value)))
            .Where(p => p.high > 0)
            .Select(p => $"{p.topic}/{p.partition}={p.high}")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(highs);
        var stored = await Database.RowsAsync(connection,
            "select topic || '/' || partition || '=' || next_offset from analytics.sink_offsets where consumer_group = 'orleansplans-analytics' and next_offset > 0");
        Assert.Equal(highs, stored.Order(StringComparer.Ordinal));
        Assert.Contains($"Replayed {highs.Sum(h => long.Parse(h[(h.IndexOf('=') + 1)..], System.Globalization.CultureInfo.InvariantCulture))} records; the tables hold 3 rows.", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task replay_without_output_topics_fails_without_touching_the_tables()
    {
        using var broker = OrleansPlans.DevBroker.DevBrokerCluster.Start(new OrleansPlans.DevBroker.DevBrokerOptions { BrokerCount = 1 });
        var connection = await postgres.CreateDatabaseAsync("replay_none");
        Assert.Equal(0, (await new CliRunner().RunAsync("migrate", "--connection", connection)).ExitCode);
        await Database.ExecuteAsync(connection, "insert into analytics.plans values ('kept', 'active', null, 1)");

        var result = await new CliRunner().RunAsync("replay", "--yes", "--bootstrap", broker.BootstrapServers, "--connection", connection);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("None of the output topics", result.Error, StringComparison.Ordinal);
        Assert.Equal(["kept"], await Database.RowsAsync(connection, "select plan_id from analytics.plans"));
    }

    private static RowChange Change(OutputRow row) => new(row.Table, row.Key, row);
}
