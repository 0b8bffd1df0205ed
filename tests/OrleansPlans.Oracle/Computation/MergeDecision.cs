namespace OrleansPlans.Oracle.Computation;

/// <summary>What happened to one distinct valid merge (interpretation 3).</summary>
internal enum MergeDecision
{
    Applied,
    NoOp,
    RefusedSelf,
    RefusedConflict,
    RefusedCycle,
}
