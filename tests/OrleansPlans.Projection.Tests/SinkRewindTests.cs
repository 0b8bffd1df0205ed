using OrleansPlans.Domain.Rows;
using OrleansPlans.Projection.Kafka;
using OrleansPlans.Sink.Postgres;

namespace OrleansPlans.Projection.Tests;

/// <summary>Rewinding the projection (the CLI's replay): tables emptied and offsets reset at once, then rebuilt exactly.</summary>
public sealed class SinkRewindTests(PostgresServerFixture postgres, DevBrokerFixture broker)
{
    private static readonly TimeSpan CatchUpTimeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_rewind_empties_the_tables_and_a_sink_rebuilds_them_exactly_while_the_old_sink_keeps_running()
    {
        var topics = broker.CreateOutputTopics();
        await using var database = await postgres.CreateDataSourceAsync("rewind");
        var options = broker.SinkOptions(topics);
        options.BatchSize = 100;
        var changes = RowGenerator.Changes(seed: 7, count: 2000);

        await using var old = RunningSink.Start(database, options);
        await PublishAsync(topics, changes[..1500]);
        await old.Sink.WaitUntilCaughtUpAsync(CatchUpTimeout, Cancellation);
        Assert.NotEmpty(await TableReader.ReadAllAsync(database));

        var lows = await OutputTopicOffsets.ReadLowWatermarksAsync(options, Cancellation);
        var deleted = await SinkRewind.RewindAsync(database, options, lows, Cancellation);

        Assert.Equal(RowGenerator.Expected(changes[..1500]).Count, deleted);
        Assert.Empty(await TableReader.ReadAllAsync(database));
        var stored = await TableReader.ReadOffsetsAsync(database, options.ConsumerGroupId);
        Assert.Equal(lows.ToDictionary(p => (p.Key.Topic, p.Key.Partition.Value), p => p.Value).OrderBy(p => p.Key), stored.OrderBy(p => p.Key));

        // A rebuild sink of the same group refills the tables; the old sink, still positioned at the end, is fenced on its
        // next write (the stored offsets moved under it), re-reads from the stored offsets and never writes stale rows.
        await using (var rebuild = RunningSink.Start(database, options))
        {
            await rebuild.Sink.WaitUntilCaughtUpAsync(CatchUpTimeout, Cancellation);
        }

        Assert.Equal(RowGenerator.Expected(changes[..1500]).Order(), (await TableReader.ReadAllAsync(database)).Order());
        await PublishAsync(topics, changes[1500..]);
        var ends = await OutputTopicOffsets.ReadHighWatermarksAsync(options, Cancellation);
        await old.Sink.WaitUntilCaughtUpAsync(ends, CatchUpTimeout, Cancellation);
        Assert.Equal(RowGenerator.Expected(changes).Order(), (await TableReader.ReadAllAsync(database)).Order());
    }

    private async Task PublishAsync(IReadOnlyDictionary<string, string> topics, IReadOnlyList<RowChange> changes)
    {
        await using var projector = new KafkaRowSink(broker.ProjectionOptions(topics, TimeSpan.FromMilliseconds(10)));
        foreach (var chunk in changes.Chunk(100))
        {
            await projector.PublishAsync(chunk);
        }
    }
}
