using Confluent.Kafka;
using OrleansPlans.Sink.Postgres.Decoding;
using OrleansPlans.Sink.Postgres.Diagnostics;
using OrleansPlans.Sink.Postgres.Writing;

namespace OrleansPlans.Sink.Postgres;

public sealed partial class PostgresTableSink
{
    /// <summary>Waits up to <see cref="PostgresSinkOptions.PollTimeout"/> for a first record, then takes what is already fetched.</summary>
    private SinkBatch Collect(IConsumer<byte[], byte[]> consumer)
    {
        var batch = new SinkBatch();
        var wait = _options.PollTimeout;
        while (batch.RecordCount < _options.BatchSize)
        {
            ConsumeResult<byte[], byte[]>? result;
            try
            {
                result = consumer.Consume(wait);
            }
            catch (ConsumeException error)
            {
                SinkLog.ConsumeFailed(_logger, error.Error.Reason);
                break;
            }

            if (result is null)
            {
                break;
            }

            wait = TimeSpan.Zero;
            if (result.IsPartitionEOF)
            {
                batch.EndReached(result.TopicPartition, result.Offset.Value);
                continue;
            }

            batch.Add(result.TopicPartition, result.Offset.Value, Decode(result), result.Message.Timestamp);
        }

        return batch;
    }

    private DecodedRecord? Decode(ConsumeResult<byte[], byte[]> result)
    {
        if (!_tablesByTopic.TryGetValue(result.Topic, out var table))
        {
            SinkLog.RecordSkipped(_logger, result.Topic, result.Partition.Value, result.Offset.Value, "the topic is not an output topic");
            _metrics.Skipped();
            return null;
        }

        var record = RecordDecoder.Decode(table, result.Message.Key, result.Message.Value, out var error);
        if (record is null)
        {
            SinkLog.RecordSkipped(_logger, result.Topic, result.Partition.Value, result.Offset.Value, error ?? "unknown");
            _metrics.Skipped();
        }

        return record;
    }
}
