using Confluent.Kafka;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Projection.Kafka.Buffering;
using OrleansPlans.Projection.Kafka.Diagnostics;

namespace OrleansPlans.Projection.Kafka;

public sealed partial class KafkaRowSink
{
    private static readonly TimeSpan QueueFullWait = TimeSpan.FromMilliseconds(50);

    private void Produce(PendingChange pending, FlushRound round)
    {
        // Read once: the shard was swapped out, so nobody replaces the change any more.
        var change = pending.Change;
        var topic = _options.TopicOf(change.Table);
        var message = new Message<string, byte[]>
        {
            Key = change.Key,
            // A null value is the tombstone compaction uses to drop the key.
            Value = change.Row is null ? null! : RowJson.ToUtf8(change.Row),
        };

        while (true)
        {
            try
            {
                _producer.Produce(topic, message, report => OnDelivered(report, change, pending, round));
                return;
            }
            catch (ProduceException<string, byte[]> full) when (full.Error.Code == Confluent.Kafka.ErrorCode.Local_QueueFull)
            {
                // Back-pressure: the producer's queue drains as acknowledgements arrive.
                _producer.Flush(QueueFullWait);
            }
            catch (Exception error)
            {
                ProjectionLog.ProduceFailed(_logger, error, change.Table, change.Key);
                pending.Fail(error);
                Settle(round);
                return;
            }
        }
    }

    private void OnDelivered(DeliveryReport<string, byte[]> report, RowChange change, PendingChange pending, FlushRound round)
    {
        if (report.Error.IsError)
        {
            ProjectionLog.DeliveryFailed(_logger, change.Table, change.Key, report.Topic, report.Error.Reason);
            pending.Fail(new ProduceException<string, byte[]>(report.Error, report));
        }
        else
        {
            _metrics.RowEmitted(change.Table, change.Row is null);
            pending.Succeed();
        }

        Settle(round);
    }

    private void Settle(FlushRound round)
    {
        if (round.Settle())
        {
            Finish(round);
        }
    }

    private void Finish(FlushRound round)
    {
        _rounds.TryRemove(round, out _);
        if (round.Count > 0)
        {
            _metrics.FlushCompleted(_time.GetElapsedTime(round.StartedTimestamp));
        }
    }
}
