namespace OrleansPlans.Grains;

/// <summary>Receives the <c>plan-merges</c> stream of one source plan and hands each request to the coordinator.</summary>
public interface IMergeIntakeGrain : IGrainWithStringKey;
