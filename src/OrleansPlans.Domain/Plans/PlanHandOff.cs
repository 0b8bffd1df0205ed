using OrleansPlans.Domain.Figures;

namespace OrleansPlans.Domain.Plans;

/// <summary>Everything a plan gives to its surviving plan when it is merged away.</summary>
public sealed record PlanHandOff(
    string MergeId,
    string SourcePlanId,
    PlanFigures Figures,
    HashSet<string> Users,
    Dictionary<string, PlanResolution> Aliases,
    Dictionary<string, Dictionary<string, long>> AppliedSequences);
