using Confluent.Kafka;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Sink.Postgres;
using OrleansPlans.Sink.Postgres.Decoding;
using OrleansPlans.Sink.Postgres.Tables;
using OrleansPlans.Sink.Postgres.Writing;

namespace OrleansPlans.Projection.Tests;

/// <summary>
/// One sink batch (one transaction) that updates, deletes and re-creates the same rows several times: the multi-row
/// statements see only each row's last record, so the tables hold exactly the last state of every key.
/// </summary>
public sealed class SinkBatchCoalescingTests(PostgresServerFixture postgres)
{
    private const string Schema = AnalyticsSchema.DefaultSchema;
    private static readonly DateTime Hour = new(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc);
    private static readonly TopicPartition Partition = new("hourly", 0);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_batch_with_repeated_keys_and_tombstones_for_the_same_key_yields_the_last_state()
    {
        await using var database = await postgres.CreateDataSourceAsync("coalescing");
        await AnalyticsSchema.MigrateAsync(database, Schema, cancellationToken: Cancellation);
        var offsets = new SinkOffsetStore(AnalyticsSchema.Quote(Schema), "coalescing");
        var writer = new BatchWriter(database, AnalyticsSchema.Quote(Schema), offsets);

        // Rows that exist before the batch: one the batch deletes and re-creates, one it only deletes.
        var before = new SinkBatch();
        Add(before, 0, Row("plan-recreated", 0, seconds: 1));
        Add(before, 1, Row("plan-deleted", 0, seconds: 1));
        Assert.True(await writer.WriteAsync(before, new Dictionary<TopicPartition, long>(), Cancellation));

        var batch = new SinkBatch();
        var offset = 2L;
        // Updated three times: the last upsert wins.
        Add(batch, offset++, Row("plan-updated", 1, seconds: 10));
        Add(batch, offset++, Row("plan-updated", 1, seconds: 20));
        Add(batch, offset++, Row("plan-updated", 1, seconds: 30));
        // Upserted, deleted, upserted again within the batch: present with the last value.
        Add(batch, offset++, Row("plan-revived", 2, seconds: 40));
        Add(batch, offset++, Tombstone("plan-revived", 2));
        Add(batch, offset++, Row("plan-revived", 2, seconds: 50));
        // Upserted twice then deleted within the batch: absent, although the upserts came first.
        Add(batch, offset++, Row("plan-gone", 3, seconds: 60));
        Add(batch, offset++, Row("plan-gone", 3, seconds: 70));
        Add(batch, offset++, Tombstone("plan-gone", 3));
        // Existing row deleted, re-created, deleted and re-created: present with the last value.
        Add(batch, offset++, Tombstone("plan-recreated", 0));
        Add(batch, offset++, Row("plan-recreated", 0, seconds: 80));
        Add(batch, offset++, Tombstone("plan-recreated", 0));
        Add(batch, offset++, Row("plan-recreated", 0, seconds: 90));
        // Existing row updated, then deleted: absent.
        Add(batch, offset++, Row("plan-deleted", 0, seconds: 100));
        Add(batch, offset++, Tombstone("plan-deleted", 0));
        // A tombstone of a row that never existed changes nothing.
        Add(batch, offset++, Tombstone("plan-never", 4));
        Assert.True(await writer.WriteAsync(batch, new Dictionary<TopicPartition, long> { [Partition] = 2 }, Cancellation));

        Assert.Equal(
            new[] { Row("plan-recreated", 0, 90), Row("plan-revived", 2, 50), Row("plan-updated", 1, 30) }.Select(TableReader.Describe).Order(),
            (await TableReader.ReadAllAsync(database, Schema)).Order());
        var stored = await TableReader.ReadOffsetsAsync(database, "coalescing", Schema);
        Assert.Equal(offset, stored[(Partition.Topic, Partition.Partition.Value)]);
    }

    private static PlanUsageHourlyRow Row(string plan, int hour, long seconds) => new(plan, Hour.AddHours(hour), seconds, seconds / 10);

    private static RowChange Tombstone(string plan, int hour) =>
        new(OutputTables.PlanUsageHourly, PlanUsageHourlyRow.KeyOf(plan, Hour.AddHours(hour)), null);

    private static void Add(SinkBatch batch, long offset, PlanUsageHourlyRow row) =>
        Add(batch, offset, new RowChange(row.Table, row.Key, row));

    // Through the sink's own decoder, as records read from the topic would be.
    private static void Add(SinkBatch batch, long offset, RowChange change)
    {
        var table = SinkTables.ByName[change.Table];
        var value = change.Row is null ? null : RowJson.ToUtf8(change.Row);
        var record = RecordDecoder.Decode(table, System.Text.Encoding.UTF8.GetBytes(change.Key), value, out var error);
        Assert.True(record is not null, error);
        batch.Add(Partition, offset, record);
    }
}
