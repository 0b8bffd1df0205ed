namespace OrleansPlans.Operations.Status;

/// <summary>The dead letters in the analytics tables.</summary>
/// <param name="Count">How many rows <c>dead_letters</c> holds.</param>
/// <param name="Newest">The newest rows by <c>received_at</c> (at most <see cref="PipelineStatusOptions.NewestDeadLetters"/>).</param>
public sealed record DeadLetterSummary(long Count, IReadOnlyList<DeadLetterInfo> Newest);
