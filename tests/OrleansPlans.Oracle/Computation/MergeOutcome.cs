using OrleansPlans.Oracle.Validation;

namespace OrleansPlans.Oracle.Computation;

/// <summary>A distinct valid merge, where it arrived and what was decided.</summary>
internal sealed class MergeOutcome(MergeEvent mergeEvent, int arrival)
{
    public MergeEvent Event { get; } = mergeEvent;

    public int Arrival { get; } = arrival;

    public MergeDecision Decision { get; set; }

    /// <summary>The target was itself already merged away when this merge was decided.</summary>
    public bool TargetWasMerged { get; set; }
}
