using Orleans.Runtime;
using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Grains;
using OrleansPlans.Grains.Ingestion;
using OrleansPlans.Grains.Projection;

namespace OrleansPlans.Host.Demo;

/// <summary>Feeds demo records to the grains through an Orleans stream provider, as the Kafka provider would.</summary>
public sealed class MemoryStreamDemoFeed(IClusterClient client, IRowSink rows, TimeProvider time)
{
    /// <summary>Sends every record; merges one at a time in order, users concurrently.</summary>
    public async Task FeedAsync(string streamProvider, IReadOnlyList<DemoRecord> records, CancellationToken cancellationToken)
    {
        var provider = client.GetStreamProvider(streamProvider);
        var coordinator = client.GetGrain<IMergeCoordinatorGrain>(0);
        var perStream = new Dictionary<StreamId, List<object>>();
        var offsets = new Dictionary<InputTopic, long>();
        foreach (var record in records)
        {
            var offset = offsets.GetValueOrDefault(record.Topic);
            offsets[record.Topic] = offset + 1;
            var routed = InputRecordRouter.Route(record.Topic, record.Key, record.Value, new SourcePosition(TopicName(record.Topic), 0, offset), time.GetUtcNow());
            if (routed.DeadLetter is { } dead)
            {
                await rows.PublishAsync([new RowChange(dead.Table, dead.Key, dead)]);
            }
            else if (routed.Item is MergeRequest merge)
            {
                // Of two conflicting merges the second is refused: keep the demo's merges in their order.
                await provider.GetStream<object>(StreamId.Create(routed.Namespace!, routed.StreamKey!)).OnNextAsync(merge);
                while (await coordinator.GetDecisionAsync(merge.Event.EventId) is null)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(5), cancellationToken);
                }
            }
            else
            {
                var id = StreamId.Create(routed.Namespace!, routed.StreamKey!);
                if (!perStream.TryGetValue(id, out var items))
                {
                    perStream[id] = items = [];
                }

                items.Add(routed.Item!);
            }
        }

        await Parallel.ForEachAsync(perStream, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (stream, _) =>
        {
            var target = provider.GetStream<object>(stream.Key);
            foreach (var item in stream.Value)
            {
                await target.OnNextAsync(item);
            }
        });
    }

    private static string TopicName(InputTopic topic) => topic switch
    {
        InputTopic.Membership => StreamNamespaces.Membership,
        InputTopic.Usage => StreamNamespaces.Usage,
        _ => StreamNamespaces.Merges,
    };
}
