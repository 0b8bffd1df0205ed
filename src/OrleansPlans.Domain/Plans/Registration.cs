namespace OrleansPlans.Domain.Plans;

/// <summary>
/// A surviving plan's answer to a user that names one of its plan ids: where that id resolves, and every plan id
/// merged into the survivor, so the user can reconcile other ids it names that turned out to be the same plan.
/// </summary>
public sealed record Registration(PlanResolution Resolution, IReadOnlyDictionary<string, PlanResolution> Aliases);
