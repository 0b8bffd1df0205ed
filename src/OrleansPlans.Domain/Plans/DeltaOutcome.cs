namespace OrleansPlans.Domain.Plans;

/// <summary>What a ledger did with an incoming delta.</summary>
public enum DeltaOutcome
{
    /// <summary>Added to the totals.</summary>
    Applied,

    /// <summary>Already applied earlier (a retry); ignored.</summary>
    Duplicate,

    /// <summary>This plan was merged away: the delta belongs to the surviving plan.</summary>
    Forward,
}
