using Orleans;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace OrleansPlans.Streaming.Kafka.Tests;

/// <summary>A grain keyed like the stream it is implicitly subscribed to.</summary>
public interface IRecordingGrain : IGrainWithStringKey;

/// <summary>
/// Records every item of its stream in the test's <see cref="ReceivedLog"/>, as a batch observer so batched records are
/// seen together. Items starting with <c>fail</c> make it throw, to exercise Orleans' delivery retries.
/// </summary>
[ImplicitStreamSubscription(StreamNamespace)]
internal sealed class RecordingGrain(ReceivedLog log) : Grain, IRecordingGrain, IStreamSubscriptionObserver, IAsyncBatchObserver<string>
{
    public const string StreamNamespace = "recorded";

    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
        => handleFactory.Create<string>().ResumeAsync(this);

    public async Task OnNextAsync(IList<SequentialItem<string>> items)
    {
        await log.PassGateAsync();
        foreach (var item in items)
        {
            if (item.Item.StartsWith("fail", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The recording grain refuses '{item.Item}'.");
            }

            log.Apply(this.GetPrimaryKeyString(), item.Item, ((KafkaSequenceToken)item.Token).Position, items.Count);
        }
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
