using Confluent.Kafka;

namespace OrleansPlans.Cli.Tests;

/// <summary><c>status --wait</c>: a caught-up answer to wait on, with a bounded timeout and an exit code.</summary>
public sealed class StatusWaitTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task status_wait_exits_0_once_input_and_sink_lag_are_zero()
    {
        using var broker = Brokers.StartWithContractTopics(partitions: 1);
        var connection = await MigratedDatabaseAsync("wait_caught_up");
        await ProduceAsync(broker.BootstrapServers, "content-usage", 3);
        await ProduceAsync(broker.BootstrapServers, "plans", 2);
        Commit(broker.BootstrapServers, "silos-w", new TopicPartitionOffset("content-usage", 0, 3));
        await Database.ExecuteAsync(connection, "insert into analytics.sink_offsets (consumer_group, topic, partition, next_offset) values ('sink-w', 'plans', 0, 2)");

        var result = await new CliRunner().RunAsync("status", "--wait", "--timeout", "30s", "--bootstrap", broker.BootstrapServers,
            "--connection", connection, "--input-group", "silos-w", "--sink-group", "sink-w");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Caught up after", result.Error, StringComparison.Ordinal);
        Assert.Contains("Input lag (silos, group silos-w): 0 records", result.Out, StringComparison.Ordinal);
        Assert.Contains("Sink lag (tables, group sink-w): 0 records", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task status_wait_exits_1_naming_the_partitions_behind_when_the_lag_stays_past_the_timeout()
    {
        using var broker = Brokers.StartWithContractTopics(partitions: 1);
        var connection = await MigratedDatabaseAsync("wait_behind");
        await ProduceAsync(broker.BootstrapServers, "content-usage", 3);
        await ProduceAsync(broker.BootstrapServers, "plans", 2);
        Commit(broker.BootstrapServers, "silos-w", new TopicPartitionOffset("content-usage", 0, 1));

        var result = await new CliRunner().RunAsync("status", "--wait", "--timeout", "2s", "--bootstrap", broker.BootstrapServers,
            "--connection", connection, "--input-group", "silos-w", "--sink-group", "sink-w");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error: not caught up after 2 s: input lag 2 (content-usage[0] 2); sink lag 2 (plans[0] 2)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task status_wait_exits_1_when_the_lag_is_unknown_because_kafka_is_unreachable_never_reading_it_as_zero()
    {
        var connection = await MigratedDatabaseAsync("wait_unknown");

        var result = await new CliRunner().RunAsync("status", "--wait", "--timeout", "1s", "--json", "--bootstrap", $"127.0.0.1:{LoopbackPorts.Free()}",
            "--connection", connection);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error: not caught up after 1 s: input lag unknown (Kafka unreachable", result.Error, StringComparison.Ordinal);
        Assert.Contains("sink lag unknown (Kafka unreachable", result.Error, StringComparison.Ordinal);
        Assert.Contains("\"totalInputLag\": null", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_timeout_that_is_not_a_duration_is_a_usage_error()
    {
        var result = await new CliRunner().RunAsync("status", "--wait", "--timeout", "soon");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--timeout takes a duration such as 60s", result.Error, StringComparison.Ordinal);
    }

    private async Task<string> MigratedDatabaseAsync(string name)
    {
        var connection = await postgres.CreateDatabaseAsync(name);
        Assert.Equal(0, (await new CliRunner().RunAsync("migrate", "--connection", connection)).ExitCode);
        return connection;
    }

    private static async Task ProduceAsync(string bootstrap, string topic, int count)
    {
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = bootstrap }).Build();
        for (var i = 0; i < count; i++)
        {
            await producer.ProduceAsync(new TopicPartition(topic, 0), new Message<string, string> { Key = $"k{i}", Value = "{}" }, TestContext.Current.CancellationToken);
        }
    }

    private static void Commit(string bootstrap, string group, params TopicPartitionOffset[] offsets)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = bootstrap, GroupId = group, EnableAutoCommit = false }).Build();
        consumer.Commit(offsets);
    }
}
