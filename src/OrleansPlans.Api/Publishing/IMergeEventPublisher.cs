using OrleansPlans.Domain.Events;

namespace OrleansPlans.Api.Publishing;

/// <summary>
/// Hands an operator's merge event to the <c>plan-merges</c> input, so that it is decided on the same path, in the
/// same order, as every other merge. The host registers one (e.g. <see cref="KafkaMergePublisherServiceCollectionExtensions.AddKafkaMergePublisher"/>);
/// without one, merge requests answer 503.
/// </summary>
public interface IMergeEventPublisher
{
    /// <summary>Completes once the event is durably accepted (for Kafka: acknowledged by all in-sync replicas); throws otherwise.</summary>
    Task PublishAsync(MergeEvent merge, CancellationToken cancellationToken);
}
