using OrleansPlans.Oracle.Validation;

namespace OrleansPlans.Oracle.Computation;

/// <summary>One user's memberships, built by replaying their events in (occurredAt, ordinal eventId) order.</summary>
internal sealed class MembershipTimeline
{
    private readonly List<Interval> intervals = [];

    private MembershipTimeline()
    {
    }

    public IReadOnlyList<Interval> Intervals => intervals;

    public Interval? Open => intervals.Count > 0 && intervals[^1].To is null ? intervals[^1] : null;

    public DateTime? FirstEventAt { get; private set; }

    public int IneffectiveRemovals { get; private set; }

    public int ReAddsOfCurrentPlan { get; private set; }

    public int SameInstantPairs { get; private set; }

    public int AddRemovePairsAtOneInstant { get; private set; }

    public static MembershipTimeline Build(IEnumerable<MembershipEvent> events, Func<string, string> root)
    {
        var timeline = new MembershipTimeline();
        var ordered = events
            .OrderBy(e => e.OccurredAt.Utc)
            .ThenBy(e => e.EventId, StringComparer.Ordinal)
            .ToList();
        MembershipEvent? previous = null;
        foreach (var e in ordered)
        {
            timeline.FirstEventAt ??= e.OccurredAt.Utc;
            if (previous is not null && previous.OccurredAt.Utc == e.OccurredAt.Utc)
            {
                timeline.SameInstantPairs++;
                if (previous.IsAdded != e.IsAdded && root(previous.PlanId) == root(e.PlanId))
                {
                    timeline.AddRemovePairsAtOneInstant++;
                }
            }

            timeline.Apply(e.IsAdded, root(e.PlanId), e.OccurredAt.Utc);
            previous = e;
        }

        return timeline;
    }

    public string? PlanAt(DateTime t) => intervals.FirstOrDefault(i => i.Contains(t))?.PlanId;

    private void Apply(bool isAdded, string plan, DateTime t)
    {
        var open = Open;
        if (isAdded)
        {
            if (open?.PlanId == plan)
            {
                ReAddsOfCurrentPlan++;
                return;
            }

            Close(t);
            intervals.Add(new Interval(plan, t, null));
        }
        else if (open?.PlanId == plan)
        {
            Close(t);
        }
        else
        {
            IneffectiveRemovals++;
        }
    }

    private void Close(DateTime t)
    {
        if (Open is { } open)
        {
            intervals[^1] = open with { To = t };
        }
    }
}
