using System.Text;
using Confluent.Kafka;
using Npgsql;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Projection.Kafka;
using OrleansPlans.Sink.Postgres;

namespace OrleansPlans.Projection.Tests;

/// <summary>The sink against the dev broker and a private PostgreSQL: exact replicas, restarts, crashes, bad records.</summary>
public sealed class PostgresTableSinkTests(PostgresServerFixture postgres, DevBrokerFixture broker)
{
    private static readonly TimeSpan CatchUpTimeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task the_tables_replicate_a_mix_of_upserts_and_tombstones_exactly()
    {
        var topics = broker.CreateOutputTopics();
        await using var database = await postgres.CreateDataSourceAsync("replica");
        var options = broker.SinkOptions(topics);
        var changes = RowGenerator.Changes(seed: 1, count: 3000);

        await using var running = RunningSink.Start(database, options);
        await PublishAsync(topics, changes);
        var ends = await running.Sink.ReadHighWatermarksAsync(Cancellation);
        await running.Sink.WaitUntilCaughtUpAsync(ends, CatchUpTimeout, Cancellation);

        Assert.Equal(RowGenerator.Expected(changes).Order(), (await TableReader.ReadAllAsync(database)).Order());
        await AssertOffsetsAtEndAsync(database, options, ends);
    }

    [Fact]
    public async Task a_sink_stopped_mid_stream_resumes_from_the_stored_offsets_without_loss()
    {
        var topics = broker.CreateOutputTopics();
        await using var database = await postgres.CreateDataSourceAsync("restart");
        var options = broker.SinkOptions(topics);
        options.BatchSize = 20;
        var changes = RowGenerator.Changes(seed: 2, count: 3000);

        await PublishAsync(topics, changes[..1000]);
        var firstEnds = await OutputTopicOffsets.ReadHighWatermarksAsync(options, Cancellation);
        await using (var first = RunningSink.Start(database, options))
        {
            await first.Sink.WaitUntilCaughtUpAsync(firstEnds, CatchUpTimeout, Cancellation);
            // Stop while the second part streams in: the sink is cancelled between (or inside) its transactions.
            var publishing = PublishAsync(topics, changes[1000..2000]);
            await first.StopAsync();
            await publishing;
        }

        await PublishAsync(topics, changes[2000..]);
        await using var second = RunningSink.Start(database, options);
        var ends = await second.Sink.ReadHighWatermarksAsync(Cancellation);
        await second.Sink.WaitUntilCaughtUpAsync(ends, CatchUpTimeout, Cancellation);

        Assert.Equal(RowGenerator.Expected(changes).Order(), (await TableReader.ReadAllAsync(database)).Order());
        await AssertOffsetsAtEndAsync(database, options, ends);
    }

    [Fact]
    public async Task a_crash_right_after_a_transaction_loses_and_repeats_nothing()
    {
        var topics = broker.CreateOutputTopics();
        await using var database = await postgres.CreateDataSourceAsync("crash");
        var options = broker.SinkOptions(topics);
        options.BatchSize = 50;
        var changes = RowGenerator.Changes(seed: 3, count: 2000);
        await PublishAsync(topics, changes);

        IReadOnlyDictionary<TopicPartition, long>? committedAtCrash = null;
        await using (var crashing = RunningSink.Start(database, options, sink => sink.AfterTransactionCommitted = offsets =>
        {
            committedAtCrash = offsets;
            throw new SimulatedCrashException();
        }))
        {
            await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.Run);
        }

        // The crash came after the transaction and before the Kafka commit: the database is ahead of Kafka.
        Assert.NotNull(committedAtCrash);
        var stored = await TableReader.ReadOffsetsAsync(database, options.ConsumerGroupId);
        Assert.All(committedAtCrash, p => Assert.Equal(p.Value, stored[(p.Key.Topic, p.Key.Partition.Value)]));

        var appliedAgain = new List<(TopicPartition Partition, long Next)>();
        await using var restarted = RunningSink.Start(database, options, sink => sink.AfterTransactionCommitted = offsets =>
        {
            lock (appliedAgain)
            {
                appliedAgain.AddRange(offsets.Select(p => (p.Key, p.Value)));
            }
        });
        var ends = await restarted.Sink.ReadHighWatermarksAsync(Cancellation);
        await restarted.Sink.WaitUntilCaughtUpAsync(ends, CatchUpTimeout, Cancellation);

        Assert.Equal(RowGenerator.Expected(changes).Order(), (await TableReader.ReadAllAsync(database)).Order());
        await AssertOffsetsAtEndAsync(database, options, ends);
        // Nothing of the crashed batch was read again: the restarted sink began after the stored offsets.
        Assert.DoesNotContain(appliedAgain, a => committedAtCrash!.TryGetValue(a.Partition, out var crashed) && a.Next <= crashed);
    }

    [Fact]
    public async Task records_that_cannot_be_decoded_are_skipped_and_the_rest_is_applied()
    {
        var topics = broker.CreateOutputTopics();
        await using var database = await postgres.CreateDataSourceAsync("bad_records");
        var options = broker.SinkOptions(topics);
        var good = new PlanRow("plan-ok", PlanRow.Active, null, 3);
        using (var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = broker.BootstrapServers }).Build())
        {
            var plans = new TopicPartition(topics[OutputTables.Plans], 0);
            foreach (var (key, value) in new (string Key, string Value)[]
            {
                ("plan-x", "{not json"),
                ("plan-y", """{"plan_id":"plan-z","status":"active","merged_into":null,"member_count":1}"""),
                ("plan-w", """{"plan_id":"plan-w","status":"paused","merged_into":null,"member_count":1}"""),
                ("plan-v", """{"plan_id":"plan-v","status":"active","merged_into":null}"""),
                (good.Key, RowJson.ToText(good)),
            })
            {
                await producer.ProduceAsync(plans, new Message<string, byte[]> { Key = key, Value = Encoding.UTF8.GetBytes(value) }, Cancellation);
            }
        }

        await using var running = RunningSink.Start(database, options);
        var ends = await running.Sink.ReadHighWatermarksAsync(Cancellation);
        await running.Sink.WaitUntilCaughtUpAsync(ends, CatchUpTimeout, Cancellation);

        Assert.Equal([TableReader.Describe(good)], await TableReader.ReadAllAsync(database));
        await AssertOffsetsAtEndAsync(database, options, ends);
    }

    [Fact]
    public async Task two_sinks_of_one_group_on_one_database_are_fenced_and_the_tables_stay_exact()
    {
        var topics = broker.CreateOutputTopics();
        await using var database = await postgres.CreateDataSourceAsync("fenced");
        var options = broker.SinkOptions(topics);
        options.BatchSize = 30;
        var changes = RowGenerator.Changes(seed: 4, count: 3000);

        await using var first = RunningSink.Start(database, options);
        await using var second = RunningSink.Start(database, options);
        await PublishAsync(topics, changes);
        var ends = await first.Sink.ReadHighWatermarksAsync(Cancellation);
        await first.Sink.WaitUntilCaughtUpAsync(ends, CatchUpTimeout, Cancellation);
        await second.Sink.WaitUntilCaughtUpAsync(ends, CatchUpTimeout, Cancellation);

        Assert.Equal(RowGenerator.Expected(changes).Order(), (await TableReader.ReadAllAsync(database)).Order());
        await AssertOffsetsAtEndAsync(database, options, ends);
    }

    [Fact]
    public async Task waiting_for_offsets_the_sink_cannot_reach_times_out_naming_the_lagging_partition()
    {
        var topics = broker.CreateOutputTopics();
        await using var database = await postgres.CreateDataSourceAsync("timeout");
        await using var running = RunningSink.Start(database, broker.SinkOptions(topics));
        var unreachable = new Dictionary<TopicPartition, long> { [new TopicPartition(topics[OutputTables.Plans], 1)] = 5 };

        var error = await Assert.ThrowsAsync<TimeoutException>(() => running.Sink.WaitUntilCaughtUpAsync(unreachable, TimeSpan.FromSeconds(1), Cancellation));
        Assert.Contains($"{topics[OutputTables.Plans]} [1]", error.Message, StringComparison.Ordinal);
    }

    private async Task PublishAsync(IReadOnlyDictionary<string, string> topics, IReadOnlyList<RowChange> changes)
    {
        await using var projector = new KafkaRowSink(broker.ProjectionOptions(topics, TimeSpan.FromMilliseconds(10)));
        foreach (var chunk in changes.Chunk(100))
        {
            await projector.PublishAsync(chunk);
        }
    }

    private static async Task AssertOffsetsAtEndAsync(NpgsqlDataSource database, PostgresSinkOptions options, IReadOnlyDictionary<TopicPartition, long> ends)
    {
        var stored = await TableReader.ReadOffsetsAsync(database, options.ConsumerGroupId);
        var expected = ends.Where(p => p.Value > 0).ToDictionary(p => (p.Key.Topic, p.Key.Partition.Value), p => p.Value);
        Assert.Equal(expected.OrderBy(p => p.Key), stored.OrderBy(p => p.Key));
    }

    private sealed class SimulatedCrashException : Exception
    {
        public SimulatedCrashException()
            : base("Simulated crash right after the sink's transaction committed.")
        {
        }
    }
}
