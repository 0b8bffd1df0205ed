using OrleansPlans.Domain.Figures;
using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Domain.Merges;

/// <summary>
/// What a merge would do if it arrived now: the coordinator's verdict and, unless refused, the surviving plan's
/// figures afterwards (for a no-op, its figures now).
/// </summary>
/// <param name="Decision">The verdict, reason and survivor, from the same rules as a real merge.</param>
/// <param name="Figures">The survivor's figures after the merge; null when refused.</param>
/// <param name="SourceMembers">Users whose open membership is in the source's group now (the others' is in the survivor's).</param>
public sealed record MergePreview(MergeDecision Decision, PlanFigures? Figures, HashSet<string> SourceMembers)
{
    /// <summary>Open members after the merge.</summary>
    public long MemberCount => Figures?.MemberCount() ?? 0;

    /// <summary>The first <paramref name="limit"/> members by user id (ordinal), each with the plan they come from.</summary>
    public IReadOnlyList<PreviewMember> Members(int limit)
    {
        if (Figures is null)
        {
            return [];
        }

        var survivor = Decision.Survivor!;
        return Figures.Members.Keys.Order(StringComparer.Ordinal)
            .Select(user => (user, since: Figures.MemberSince(user)))
            .Where(m => m.since is not null)
            .Take(limit)
            .Select(m => new PreviewMember(m.user, m.since!.Value, SourceMembers.Contains(m.user) ? Decision.SourcePlanId : survivor))
            .ToList();
    }

    /// <summary>Daily usage after the merge, by day.</summary>
    public IReadOnlyList<PlanUsageDailyRow> DailyUsage() => Figures is null ? []
        : Figures.Daily.Where(d => !d.Value.IsZero).OrderBy(d => d.Key)
            .Select(d => PlanRows.DayRow(Decision.Survivor!, d.Key, d.Value)).ToList();

    /// <summary>The <paramref name="limit"/> contents with the most seconds after the merge (ties by content id).</summary>
    public IReadOnlyList<PlanContentUsageRow> TopContent(int limit) => Figures is null ? []
        : Figures.Content.Where(c => !c.Value.IsZero).OrderByDescending(c => c.Value.Seconds).ThenBy(c => c.Key, StringComparer.Ordinal).Take(limit)
            .Select(c => PlanRows.ContentRow(Decision.Survivor!, c.Key, c.Value)).ToList();
}
