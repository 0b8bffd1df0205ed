using System.Text.Json.Serialization;
using OrleansPlans.Domain.Events;

namespace OrleansPlans.Domain.Merges;

/// <summary>
/// Every applied merge, as a forest of plan ids pointing at the plan they were merged into. Decides each merge in
/// arrival order (the one place where order matters: of two conflicting merges the second is refused) and keeps
/// each decision so that a redelivered merge event gets the same answer. Size is bounded by the number of merges.
/// </summary>
public sealed class MergeForest
{
    private Dictionary<string, List<string>>? _children;

    /// <summary>Plan id → the plan it was merged into.</summary>
    public Dictionary<string, string> Parents { get; init; } = [];

    /// <summary>Decisions by merge eventId.</summary>
    public Dictionary<string, MergeDecision> Decisions { get; init; } = [];

    /// <summary>Number of merges applied; the version of the newest resolution.</summary>
    public long Version { get; set; }

    /// <summary>Decides <paramref name="merge"/> by contract rule 3 (or returns the decision already taken for its eventId).</summary>
    public MergeDecision Decide(MergeEvent merge)
    {
        if (Decisions.TryGetValue(merge.EventId, out var known))
        {
            return known;
        }

        var decision = Judge(merge.EventId, merge.SourcePlanId, merge.TargetPlanId);
        if (decision.Verdict == MergeVerdict.Applied)
        {
            Parents[merge.SourcePlanId] = merge.TargetPlanId;
            Children(merge.TargetPlanId).Add(merge.SourcePlanId);
            Version = decision.Version;
        }

        Decisions[merge.EventId] = decision;
        return decision;
    }

    /// <summary>
    /// What <see cref="Decide"/> would answer now for a new merge of <paramref name="sourcePlanId"/> into
    /// <paramref name="targetPlanId"/>, without recording anything: the merge preview's verdict, from the same rules.
    /// </summary>
    public MergeDecision WouldDecide(string mergeId, string sourcePlanId, string targetPlanId) =>
        Judge(mergeId, sourcePlanId, targetPlanId);

    // Contract rule 3, read-only: the one place the verdicts are decided.
    private MergeDecision Judge(string mergeId, string source, string target)
    {
        if (source == target)
        {
            return Refuse(mergeId, source, target, $"plan '{source}' cannot be merged into itself");
        }

        if (Parents.TryGetValue(source, out var parent))
        {
            return parent == target
                ? new MergeDecision(mergeId, MergeVerdict.NoOp, source, target, null, Resolve(target), Version, [])
                : Refuse(mergeId, source, target, $"plan '{source}' is already merged into '{parent}'");
        }

        if (Resolve(target) == source)
        {
            return Refuse(mergeId, source, target, $"merging '{source}' into '{target}' would make a cycle: '{target}' already resolves to '{source}'");
        }

        return new MergeDecision(mergeId, MergeVerdict.Applied, source, target, null, Resolve(target), Version + 1, GroupOf(source));
    }

    /// <summary>The surviving plan <paramref name="planId"/> resolves to through all applied merges.</summary>
    public string Resolve(string planId)
    {
        var current = planId;
        while (Parents.TryGetValue(current, out var parent))
        {
            current = parent;
        }

        return current;
    }

    /// <summary>Decisions not yet carried out to the end (to resume after a crash).</summary>
    [JsonIgnore]
    public IEnumerable<MergeDecision> Unfinished => Decisions.Values.Where(d => d.Verdict == MergeVerdict.Applied && !d.Completed);

    private MergeDecision Refuse(string mergeId, string source, string target, string reason) =>
        new(mergeId, MergeVerdict.Refused, source, target, reason, null, Version, []);

    private List<string> GroupOf(string root)
    {
        var group = new List<string> { root };
        for (var i = 0; i < group.Count; i++)
        {
            group.AddRange(Children(group[i]));
        }

        return group;
    }

    private List<string> Children(string planId)
    {
        if (_children is null)
        {
            _children = [];
            foreach (var (child, parent) in Parents)
            {
                Children(parent).Add(child);
            }
        }

        if (!_children.TryGetValue(planId, out var list))
        {
            _children[planId] = list = [];
        }

        return list;
    }
}
