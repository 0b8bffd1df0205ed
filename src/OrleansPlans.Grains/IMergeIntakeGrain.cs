namespace OrleansPlans.Grains;

/// <summary>
/// Receives the <c>plan-merges</c> stream of one source plan and hands each request to the coordinator. Internal: it
/// has no calls, only its stream subscription.
/// </summary>
internal interface IMergeIntakeGrain : IGrainWithStringKey;
