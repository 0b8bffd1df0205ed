namespace OrleansPlans.Oracle.Computation;

/// <summary>A membership [From, To) in a root plan; To is null while the membership is open.</summary>
internal sealed record Interval(string PlanId, DateTime From, DateTime? To)
{
    public bool IsZeroLength => To == From;

    public bool Contains(DateTime t) => From <= t && (To is null || t < To);
}
