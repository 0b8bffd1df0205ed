using OrleansPlans.Oracle.Validation;

namespace OrleansPlans.Oracle.Computation;

/// <summary>The applied merges, decided one at a time in arrival order.</summary>
internal sealed class MergeBook
{
    private readonly Dictionary<string, string> mergedInto = new(StringComparer.Ordinal);

    public bool IsMerged(string plan) => mergedInto.ContainsKey(plan);

    public IEnumerable<string> MergedPlans => mergedInto.Keys;

    public MergeDecision Decide(MergeEvent merge)
    {
        if (merge.SourcePlanId == merge.TargetPlanId)
        {
            return MergeDecision.RefusedSelf;
        }

        if (mergedInto.TryGetValue(merge.SourcePlanId, out var current))
        {
            return current == merge.TargetPlanId ? MergeDecision.NoOp : MergeDecision.RefusedConflict;
        }

        if (Root(merge.TargetPlanId) == merge.SourcePlanId)
        {
            return MergeDecision.RefusedCycle;
        }

        mergedInto[merge.SourcePlanId] = merge.TargetPlanId;
        return MergeDecision.Applied;
    }

    /// <summary>Follows applied merges to the end of the chain (cycles are never applied, so this ends).</summary>
    public string Root(string plan)
    {
        while (mergedInto.TryGetValue(plan, out var next))
        {
            plan = next;
        }

        return plan;
    }

    /// <summary>Number of merge hops from <paramref name="plan"/> to its root.</summary>
    public int Depth(string plan)
    {
        var depth = 0;
        while (mergedInto.TryGetValue(plan, out var next))
        {
            plan = next;
            depth++;
        }

        return depth;
    }
}
