using Confluent.Kafka;
using OrleansPlans.Sink.Postgres.Decoding;
using OrleansPlans.Sink.Postgres.Tables;

namespace OrleansPlans.Sink.Postgres.Writing;

/// <summary>
/// Records consumed since the last transaction: the latest record per table row (earlier ones of the same row would be
/// overwritten in the same transaction anyway) and the next offset per partition.
/// </summary>
internal sealed class SinkBatch
{
    // Per table, so the writer takes each table's rows as they are, without grouping the batch again.
    private readonly Dictionary<SinkTable, Dictionary<string, DecodedRecord>> _latest = [];

    /// <summary>Offset after the last record consumed per partition (applied or skipped).</summary>
    public Dictionary<TopicPartition, long> NextOffsets { get; } = [];

    /// <summary>End offsets reported by partition-EOF events: the partition is caught up to there once the batch commits.</summary>
    public Dictionary<TopicPartition, long> EndsReached { get; } = [];

    /// <summary>Records consumed, applied or skipped.</summary>
    public int RecordCount { get; private set; }

    public bool IsEmpty => RecordCount == 0 && EndsReached.Count == 0;

    /// <summary>When the oldest record of the batch was written to its output topic (Kafka's timestamp), if any had one.</summary>
    public DateTimeOffset? OldestWrittenAt { get; private set; }

    /// <summary>Distinct rows the batch writes (upserts and deletes).</summary>
    public int RowCount { get; private set; }

    /// <summary>The latest record of each row, per table.</summary>
    public IEnumerable<(SinkTable Table, IReadOnlyCollection<DecodedRecord> Records)> ByTable =>
        _latest.Select(t => (t.Key, (IReadOnlyCollection<DecodedRecord>)t.Value.Values));

    public void Add(TopicPartition partition, long offset, DecodedRecord? record, Timestamp writtenAt = default)
    {
        RecordCount++;
        if (writtenAt.Type != TimestampType.NotAvailable)
        {
            var at = DateTimeOffset.FromUnixTimeMilliseconds(writtenAt.UnixTimestampMs);
            OldestWrittenAt = OldestWrittenAt is { } oldest && oldest <= at ? oldest : at;
        }

        NextOffsets[partition] = offset + 1;
        if (record is not null)
        {
            if (!_latest.TryGetValue(record.Table, out var rows))
            {
                _latest[record.Table] = rows = new Dictionary<string, DecodedRecord>(StringComparer.Ordinal);
            }

            var before = rows.Count;
            rows[record.Identity] = record;
            RowCount += rows.Count - before;
        }
    }

    public void EndReached(TopicPartition partition, long offset) => EndsReached[partition] = offset;
}
