using System.Text.Json;
using Confluent.Kafka;
using OrleansPlans.Operations.Status;

namespace OrleansPlans.Cli.Tests;

/// <summary><c>status</c> (and the <see cref="PipelineStatusReader"/> behind it) against a dev broker and a private PostgreSQL.</summary>
public sealed class StatusCommandTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task status_reports_input_and_sink_lag_per_partition_silos_and_the_newest_dead_letters()
    {
        using var broker = Brokers.StartWithContractTopics(partitions: 2);
        var connection = await postgres.CreateDatabaseAsync("status");
        Assert.Equal(0, (await new CliRunner().RunAsync("migrate", "--connection", connection)).ExitCode);

        await ProduceAsync(broker.BootstrapServers, "plan-membership", 0, 5);
        await ProduceAsync(broker.BootstrapServers, "plan-membership", 1, 3);
        await ProduceAsync(broker.BootstrapServers, "content-usage", 0, 4);
        await ProduceAsync(broker.BootstrapServers, "plans", 0, 6);
        Commit(broker.BootstrapServers, "silos-x", new TopicPartitionOffset("plan-membership", 0, 2), new TopicPartitionOffset("plan-membership", 1, 3));
        await Database.ExecuteAsync(connection,
            "insert into analytics.sink_offsets (consumer_group, topic, partition, next_offset) values ('sink-x', 'plans', 0, 4), ('other', 'plans', 0, 1)");
        var now = DateTimeOffset.UtcNow;
        await Database.ExecuteAsync(connection,
            """
            insert into orleans_membership (deployment_id, address, port, generation, silo_name, host_name, status, start_time, i_am_alive_time) values
              ('c1', '127.0.0.1', 11111, 1, 'silo-a', 'host-a', 3, $1, $2),
              ('c1', '127.0.0.1', 11112, 2, 'silo-b', 'host-b', 6, $1, $3),
              ('c1', '127.0.0.1', 11113, 3, 'silo-c', 'host-c', 6, $1, $4)
            """,
            now.AddHours(-3), now, now.AddHours(-2), now.AddMinutes(-5));
        for (var i = 0; i < 7; i++)
        {
            await Database.ExecuteAsync(connection,
                "insert into analytics.dead_letters (source_topic, source_partition, source_offset, reason, raw_value, received_at) values ('content-usage', 1, $1, $2, null, $3)",
                (long)i, $"reason {i}", now.AddMinutes(i - 10));
        }

        var cli = new CliRunner();
        var result = await cli.RunAsync("status", "--json", "--bootstrap", broker.BootstrapServers, "--connection", connection,
            "--input-group", "silos-x", "--sink-group", "sink-x");

        Assert.True(result.ExitCode == 0, result.ToString());
        var status = JsonSerializer.Deserialize(result.Out, PipelineStatusJsonContext.Default.PipelineStatus)!;
        Assert.True(status.Kafka.Reachable && status.Postgres.Reachable, result.Out);
        Assert.Equal(
            ["content-usage/0: none of 4, lag 4", "content-usage/1: none of 0, lag 0", "plan-membership/0: 2 of 5, lag 3",
             "plan-membership/1: 3 of 3, lag 0", "plan-merges/0: none of 0, lag 0"],
            status.InputLag.Select(Describe).Order());
        Assert.Equal(7, status.TotalInputLag);
        Assert.Equal("plans/0: 4 of 6, lag 2", Describe(Assert.Single(status.SinkLag, p => p.Topic == "plans" && p.Partition == 0)));
        Assert.Equal(Domain.Rows.OutputTables.All.Count * 2, status.SinkLag.Count); // every output topic (8 since contract 1.1), 2 partitions each
        Assert.Equal(2, status.TotalSinkLag);
        Assert.Equal(["127.0.0.1:11111 Active silo-a", "127.0.0.1:11113 Dead silo-c"], status.Silos.Select(s => $"{s.Address} {s.Status} {s.SiloName}"));
        Assert.Equal(7, status.DeadLetters!.Count);
        Assert.Equal([6L, 5, 4, 3, 2], status.DeadLetters.Newest.Select(d => d.SourceOffset));
        Assert.Equal("reason 6", status.DeadLetters.Newest[0].Reason);
        Assert.Empty(status.Warnings);
        using (var json = JsonDocument.Parse(result.Out))
        {
            // camelCase for the API and dashboard, totals included.
            Assert.Equal(7, json.RootElement.GetProperty("totalInputLag").GetInt64());
        }

        var text = await cli.RunAsync("status", "--bootstrap", broker.BootstrapServers, "--connection", connection,
            "--input-group", "silos-x", "--sink-group", "sink-x");
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("Input lag (silos, group silos-x): 7 records", text.Out, StringComparison.Ordinal);
        Assert.Contains("Sink lag (tables, group sink-x): 2 records", text.Out, StringComparison.Ordinal);
        Assert.Contains("Silos: 1 active of 2 listed", text.Out, StringComparison.Ordinal);
        Assert.Contains("Dead letters: 7", text.Out, StringComparison.Ordinal);
        Assert.Contains("reason 6", text.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("reason 1", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task status_reports_an_unreachable_database_and_missing_tables_instead_of_failing()
    {
        using var broker = Brokers.StartWithContractTopics(partitions: 1);
        await ProduceAsync(broker.BootstrapServers, "content-usage", 0, 2);

        var down = await new CliRunner().RunAsync("status", "--bootstrap", broker.BootstrapServers, "--connection", "Host=127.0.0.1;Port=1;Username=postgres");
        Assert.Equal(1, down.ExitCode);
        Assert.Contains("Kafka       reachable", down.Out, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL  UNREACHABLE: Failed to connect to 127.0.0.1:1", down.Out, StringComparison.Ordinal);
        Assert.Contains("Input lag (silos, group orleansplans): 2 records", down.Out, StringComparison.Ordinal);
        Assert.Contains("Dead letters: unknown", down.Out, StringComparison.Ordinal);

        var garbled = await new CliRunner().RunAsync("status", "--bootstrap", broker.BootstrapServers, "--connection", "Host=127.0.0.1;Password=secret-pw;NoSuchKeyword=1");
        Assert.Equal(1, garbled.ExitCode);
        Assert.Contains("The PostgreSQL connection string cannot be parsed.", garbled.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", garbled.Out + garbled.Error, StringComparison.Ordinal);

        var empty = await postgres.CreateDatabaseAsync("unmigrated");
        var unmigrated = await new CliRunner().RunAsync("status", "--bootstrap", broker.BootstrapServers, "--connection", empty);
        Assert.True(unmigrated.ExitCode == 0, unmigrated.ToString());
        Assert.Contains("warning: PostgreSQL table orleans_membership does not exist yet: run `orleansplans migrate`", unmigrated.Error, StringComparison.Ordinal);
        Assert.Contains("warning: PostgreSQL table dead_letters does not exist yet", unmigrated.Error, StringComparison.Ordinal);
    }

    private static string Describe(PartitionLag p) =>
        $"{p.Topic}/{p.Partition}: {(p.Position is { } position ? position.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none")} of {p.HighWatermark}, lag {p.Lag}";

    private static async Task ProduceAsync(string bootstrap, string topic, int partition, int count)
    {
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = bootstrap }).Build();
        for (var i = 0; i < count; i++)
        {
            await producer.ProduceAsync(new TopicPartition(topic, partition), new Message<string, string> { Key = $"k{i}", Value = "{}" }, TestContext.Current.CancellationToken);
        }
    }

    private static void Commit(string bootstrap, string group, params TopicPartitionOffset[] offsets)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = bootstrap, GroupId = group, EnableAutoCommit = false }).Build();
        consumer.Commit(offsets);
    }
}
