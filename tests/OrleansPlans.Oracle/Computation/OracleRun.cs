using OrleansPlans.Oracle.Validation;

namespace OrleansPlans.Oracle.Computation;

/// <summary>
/// The whole batch computation, step by step: validate, keep the first valid record per eventId,
/// decide merges in arrival order, build each user's timeline on resolved plan ids, attribute usage.
/// </summary>
internal sealed class OracleRun
{
    private readonly Dictionary<string, HashSet<string>> seenIds = new(StringComparer.Ordinal)
    {
        [Topics.Membership] = new(StringComparer.Ordinal),
        [Topics.Usage] = new(StringComparer.Ordinal),
        [Topics.Merges] = new(StringComparer.Ordinal),
    };

    public OracleRun(IEnumerable<RawRecord> recordsInArrivalOrder)
    {
        ArgumentNullException.ThrowIfNull(recordsInArrivalOrder);
        foreach (var record in recordsInArrivalOrder)
        {
            Accept(record);
        }

        foreach (var merge in Merges)
        {
            merge.TargetWasMerged = MergeBook.IsMerged(merge.Event.TargetPlanId);
            merge.Decision = MergeBook.Decide(merge.Event);
            if (merge.Decision is MergeDecision.RefusedSelf or MergeDecision.RefusedConflict or MergeDecision.RefusedCycle)
            {
                DeadLetters.Add((merge.Event.Source, $"merge refused: {merge.Decision}"));
            }
        }

        foreach (var group in Memberships.GroupBy(m => m.UserId, StringComparer.Ordinal))
        {
            Timelines[group.Key] = MembershipTimeline.Build(group, MergeBook.Root);
        }

        foreach (var usage in Usages)
        {
            var plan = Timelines.TryGetValue(usage.UserId, out var timeline) ? timeline.PlanAt(usage.OccurredAt.Utc) : null;
            Attributions.Add((usage, plan));
        }
    }

    /// <summary>Valid distinct events in arrival order, each with its arrival index.</summary>
    public List<(InputEvent Event, int Arrival)> Accepted { get; } = [];

    public List<MembershipEvent> Memberships { get; } = [];

    public List<UsageEvent> Usages { get; } = [];

    public List<MergeOutcome> Merges { get; } = [];

    public List<(RawRecord Record, string Reason)> DeadLetters { get; } = [];

    public Dictionary<string, int> DuplicatesByTopic { get; } = new(StringComparer.Ordinal);

    public int IgnoredOtherTopic { get; private set; }

    public MergeBook MergeBook { get; } = new();

    public Dictionary<string, MembershipTimeline> Timelines { get; } = new(StringComparer.Ordinal);

    public List<(UsageEvent Usage, string? Plan)> Attributions { get; } = [];

    private void Accept(RawRecord record)
    {
        if (!seenIds.TryGetValue(record.Topic, out var seen))
        {
            IgnoredOtherTopic++;
            return;
        }

        var parsed = RecordParser.Parse(record, out var reason);
        if (parsed is null)
        {
            DeadLetters.Add((record, reason));
            return;
        }

        if (!seen.Add(parsed.EventId))
        {
            DuplicatesByTopic[record.Topic] = DuplicatesByTopic.GetValueOrDefault(record.Topic) + 1;
            return;
        }

        Accepted.Add((parsed, Accepted.Count));
        switch (parsed)
        {
            case MembershipEvent m:
                Memberships.Add(m);
                break;
            case UsageEvent u:
                Usages.Add(u);
                break;
            case MergeEvent g:
                Merges.Add(new MergeOutcome(g, Accepted.Count - 1));
                break;
        }
    }
}
