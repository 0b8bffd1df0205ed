using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;
using OrleansPlans.Domain.Events;

namespace OrleansPlans.Grains;

/// <summary>
/// Subscribes to one source plan's merge stream and hands each request to the coordinator. A separate grain (not
/// the plan grain) because the coordinator calls plan grains while deciding, and must never wait on its caller.
/// </summary>
[ImplicitStreamSubscription(StreamNamespaces.Merges)]
internal sealed class MergeIntakeGrain(ILogger<MergeIntakeGrain> logger)
    : Grain, IMergeIntakeGrain, IStreamSubscriptionObserver, IAsyncBatchObserver<object>
{
    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        handleFactory.Create<object>().ResumeAsync(this);

    public async Task OnNextAsync(IList<SequentialItem<object>> items)
    {
        var coordinator = GrainFactory.GetGrain<IMergeCoordinatorGrain>(0);
        foreach (var item in items)
        {
            switch (item.Item)
            {
                case MergeRequest request:
                    await coordinator.MergeAsync(request.AsImmutable());
                    break;
                case MergeEvent merge:
                    await coordinator.MergeAsync(new MergeRequest(merge, null).AsImmutable());
                    break;
                default:
                    GrainLog.UnexpectedMergeItem(logger, this.GetPrimaryKeyString(), item.Item?.GetType().FullName ?? "null");
                    break;
            }
        }
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
