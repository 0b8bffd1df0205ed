namespace OrleansPlans.Domain.Plans;

/// <summary>
/// The outcome of moving a merged plan into its survivor: the users who named plans on both sides (only their
/// timelines can change) and every plan id that now resolves to the survivor. Users get the whole alias map, not
/// just the moved ids: an earlier merge may have renamed another id they name without telling them.
/// </summary>
public sealed record MergeMove(IReadOnlyList<string> Reconcile, IReadOnlyDictionary<string, PlanResolution> SurvivorAliases);
