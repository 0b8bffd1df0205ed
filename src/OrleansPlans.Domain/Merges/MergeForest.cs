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

        var (source, target) = (merge.SourcePlanId, merge.TargetPlanId);
        MergeDecision decision;
        if (source == target)
        {
            decision = Refuse(merge, $"plan '{source}' cannot be merged into itself");
        }
        else if (Parents.TryGetValue(source, out var parent))
        {
            decision = parent == target
                ? new MergeDecision(merge.EventId, MergeVerdict.NoOp, source, target, null, Resolve(target), Version, [])
                : Refuse(merge, $"plan '{source}' is already merged into '{parent}'");
        }
        else if (Resolve(target) == source)
        {
            decision = Refuse(merge, $"merging '{source}' into '{target}' would make a cycle: '{target}' already resolves to '{source}'");
        }
        else
        {
            var moved = GroupOf(source);
            Parents[source] = target;
            Children(target).Add(source);
            Version++;
            decision = new MergeDecision(merge.EventId, MergeVerdict.Applied, source, target, null, Resolve(target), Version, moved);
        }

        Decisions[merge.EventId] = decision;
        return decision;
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

    private MergeDecision Refuse(MergeEvent merge, string reason) =>
        new(merge.EventId, MergeVerdict.Refused, merge.SourcePlanId, merge.TargetPlanId, reason, null, Version, []);

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
