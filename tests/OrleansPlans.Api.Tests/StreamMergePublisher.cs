using System.Collections.Concurrent;
using Orleans.Runtime;
using OrleansPlans.Api.Publishing;
using OrleansPlans.Domain.Contract;
using OrleansPlans.Domain.Events;
using OrleansPlans.Grains;
using OrleansPlans.Grains.Ingestion;

namespace OrleansPlans.Api.Tests;

/// <summary>
/// Publishes a merge event the way it would reach the grains from Kafka: the contract's bytes, decoded and routed by
/// <see cref="InputRecordRouter"/> (as the host's Kafka decoder does), onto the one merge stream that
/// <c>MergeIntakeGrain</c> subscribes to. Can be told to fail, as an unreachable broker would.
/// </summary>
public sealed class StreamMergePublisher(ApiCluster cluster) : IMergeEventPublisher
{
    private int _failuresLeft;

    /// <summary>The records handed to the stream: key and value bytes, in order.</summary>
    public ConcurrentQueue<(string Key, byte[] Value)> Published { get; } = new();

    /// <summary>Makes the next <paramref name="count"/> publishes throw.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    public int CountOf(string mergeEventId) =>
        Published.Count(r => ContractCodec.DecodeMerge(r.Key, r.Value).Value?.EventId == mergeEventId);

    public async Task PublishAsync(MergeEvent merge, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new InvalidOperationException("the broker is unreachable (simulated)");
        }

        var value = ContractCodec.EncodeMerge(merge);
        var position = new SourcePosition(StreamNamespaces.Merges, 0, cluster.NextMergeOffset());
        var routed = InputRecordRouter.Route(InputTopic.Merges, merge.SourcePlanId, value, position, DateTimeOffset.UtcNow);
        Assert.True(routed.DeadLetter is null, $"the published merge breaks the contract: {routed.DeadLetter?.Reason}");
        var stream = cluster.Client.GetStreamProvider(ApiCluster.StreamProvider)
            .GetStream<object>(StreamId.Create(routed.Namespace!, StreamNamespaces.AllMergesKey));
        await stream.OnNextAsync(routed.Item!);
        Published.Enqueue((merge.SourcePlanId, value));
    }
}
