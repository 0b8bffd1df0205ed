using System.Runtime.InteropServices;
using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Figures;

namespace OrleansPlans.Domain.Users;

/// <summary>
/// Everything one user contributes under a given plan resolution: figures per surviving plan, unattributed usage
/// per day, and the membership intervals used for attribution. Derived from the user's events; never persisted.
/// </summary>
internal sealed class UserContribution
{
    public Dictionary<string, PlanFigures> Plans { get; } = [];

    public Dictionary<DateOnly, Tally> Unattributed { get; } = [];

    public List<MembershipInterval> Intervals { get; } = [];

    /// <summary>Contract rules 1 and 2: sequential membership by event time, then attribution of every usage event.</summary>
    public static UserContribution Compute(
        string userId,
        IReadOnlyList<MembershipEvent> sortedMemberships,
        IReadOnlyList<UsageEvent> usages,
        Func<string, string> resolve)
    {
        var result = new UserContribution();
        string? currentPlan = null;
        var since = default(DateTimeOffset);
        foreach (var m in sortedMemberships)
        {
            var plan = resolve(m.PlanId);
            if (m.Type == MembershipChange.Added)
            {
                if (currentPlan == plan)
                {
                    continue;
                }

                result.Close(currentPlan, since, m.OccurredAt);
                (currentPlan, since) = (plan, m.OccurredAt);
            }
            else if (currentPlan == plan)
            {
                result.Close(currentPlan, since, m.OccurredAt);
                currentPlan = null;
            }
        }

        if (currentPlan is not null)
        {
            result.Intervals.Add(new MembershipInterval(currentPlan, since, null));
            result.For(currentPlan).AddMember(userId, since.UtcDateTime);
        }

        foreach (var usage in usages)
        {
            result.AddUsage(usage);
        }

        return result;
    }

    /// <summary>The plan the user is a member of at <paramref name="at"/>, or null.</summary>
    public string? PlanAt(DateTimeOffset at) => PlanAt(Intervals, at);

    /// <summary>The plan of the interval of <paramref name="intervals"/> (sorted, not overlapping) containing <paramref name="at"/>.</summary>
    public static string? PlanAt(List<MembershipInterval> intervals, DateTimeOffset at)
    {
        // Intervals are sorted by start and do not overlap: find the last one starting at or before 'at'.
        int lo = 0, hi = intervals.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (intervals[mid].From <= at)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found >= 0 && intervals[found].Contains(at) ? intervals[found].PlanId : null;
    }

    /// <summary>Counts one usage event: under the plan it falls in, else as unattributed usage of its day.</summary>
    public void AddUsage(UsageEvent usage)
    {
        var plan = PlanAt(usage.OccurredAt);
        var day = UtcBuckets.DayOf(usage.OccurredAt);
        if (plan is null)
        {
            ref var tally = ref CollectionsMarshal.GetValueRefOrAddDefault(Unattributed, day, out _);
            tally = tally.Plus(new Tally(usage.Seconds, 1), 1);
            return;
        }

        For(plan).AddUsage(usage, day, activeUserIfFirst: true);
    }

    /// <summary>Re-keys the figures by the new surviving plans (a merge moved them there), summing collisions.</summary>
    public Dictionary<string, PlanFigures> Renamed(Func<string, string> rename)
    {
        var renamed = new Dictionary<string, PlanFigures>(Plans.Count);
        foreach (var (plan, figures) in Plans)
        {
            var target = rename(plan);
            if (!renamed.TryGetValue(target, out var sum))
            {
                renamed[target] = sum = new PlanFigures();
            }

            sum.Add(figures, 1);
        }

        return renamed;
    }

    /// <summary>The change from <paramref name="before"/> (already re-keyed) to this contribution.</summary>
    public UserDelta Minus(Dictionary<string, PlanFigures> beforePlans, Dictionary<DateOnly, Tally> beforeUnattributed)
    {
        var delta = new UserDelta();
        foreach (var plan in Plans.Keys.Union(beforePlans.Keys))
        {
            var change = new PlanFigures();
            if (Plans.TryGetValue(plan, out var now))
            {
                change.Add(now, 1);
            }

            if (beforePlans.TryGetValue(plan, out var then))
            {
                change.Add(then, -1);
            }

            if (!change.IsEmpty)
            {
                delta.Plans[plan] = change;
            }
        }

        foreach (var day in Unattributed.Keys.Union(beforeUnattributed.Keys))
        {
            var change = Unattributed.GetValueOrDefault(day).Plus(beforeUnattributed.GetValueOrDefault(day), -1);
            if (!change.IsZero)
            {
                delta.Unattributed[day] = change;
            }
        }

        return delta;
    }

    private PlanFigures For(string plan) =>
        Plans.TryGetValue(plan, out var figures) ? figures : Plans[plan] = new PlanFigures();

    private void Close(string? plan, DateTimeOffset from, DateTimeOffset to)
    {
        // A membership opened and closed at the same instant contains no instant at all.
        if (plan is not null && from < to)
        {
            Intervals.Add(new MembershipInterval(plan, from, to));
        }
    }
}
