namespace OrleansPlans.Grains.Hosting;

/// <summary>Which of the contract's tables the grains compute beyond those every deployment has.</summary>
public sealed class PlanTablesOptions
{
    /// <summary>
    /// Whether users count monthly figures, so that plans hold and emit <c>plan_usage_monthly</c> (contract 1.1); default
    /// true. Off, that table stays empty. It must be the same on every silo for the life of the stored state (plans hold
    /// what earlier commits counted; turning it on later leaves the months before incomplete): it exists to measure what
    /// the monthly table costs, not to switch it at run time.
    /// </summary>
    public bool MonthlyUsage { get; set; } = true;
}
