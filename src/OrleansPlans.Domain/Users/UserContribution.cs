using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Figures;
using OrleansPlans.Domain.Plans;

namespace OrleansPlans.Domain.Users;

/// <summary>
/// Contract rules 1 and 2 over one user's events: sequential membership by event time, then attribution of every usage
/// event. One pass gives the user's <see cref="UserAttribution"/> and, when asked, adds the user's whole contribution
/// (figures per surviving plan, unattributed usage per day) with a sign to a delta: a re-attributing commit takes the
/// contribution before away and adds the one after into the same delta, instead of building both and subtracting.
/// Derived from the events; never persisted.
/// </summary>
internal static class UserContribution
{
    /// <summary>
    /// Computes the attribution of <paramref name="sortedMemberships"/> and <paramref name="usages"/> with plan ids
    /// resolved by <paramref name="resolutions"/> (a plan id without one is its own root); when <paramref name="delta"/>
    /// is given, adds <paramref name="sign"/> times the contribution to it, each plan's figures filed under
    /// <paramref name="fileUnder"/> of the plan (a merge moved them there). Entries may be left at zero: <see cref="Prune"/> removes them. Monthly figures are counted only when
    /// <paramref name="countsMonths"/>. A plan's figures new to the delta come from <paramref name="spares"/> when given.
    /// </summary>
    public static UserAttribution Compute(
        string userId,
        IReadOnlyList<MembershipEvent> sortedMemberships,
        IReadOnlyList<UsageEvent> usages,
        Dictionary<string, PlanResolution> resolutions,
        UserDelta? delta = null,
        int sign = 1,
        Func<string, string>? fileUnder = null,
        bool countsMonths = true,
        DeltaSpares? spares = null)
    {
        // At most one interval per membership event; the list is kept in the attribution, so it is made to size.
        var intervals = new List<MembershipInterval>(sortedMemberships.Count);
        string? currentPlan = null;
        var since = default(DateTimeOffset);
        foreach (var m in sortedMemberships)
        {
            // A plan id resolves to its root where the user learned one, else to itself.
            var plan = resolutions.TryGetValue(m.PlanId, out var resolution) ? resolution.Root : m.PlanId;
            if (m.Type == MembershipChange.Added)
            {
                if (currentPlan == plan)
                {
                    continue;
                }

                Close(intervals, currentPlan, since, m.OccurredAt);
                (currentPlan, since) = (plan, m.OccurredAt);
            }
            else if (currentPlan == plan)
            {
                Close(intervals, currentPlan, since, m.OccurredAt);
                currentPlan = null;
            }
        }

        if (currentPlan is not null)
        {
            intervals.Add(new MembershipInterval(currentPlan, since, null));
            if (delta is not null)
            {
                For(delta, fileUnder?.Invoke(currentPlan) ?? currentPlan, usages.Count, spares).AddMember(userId, since.UtcDateTime, sign);
            }
        }

        // The days sized for the user's events (each adds at most one), so that they do not grow on the way; a user's
        // months are one or two, and the set is kept.
        var activeDays = new CompactSet<(string Plan, DateOnly Day)>(usages.Count);
        var activeMonths = new CompactSet<(string Plan, DateOnly Month)>();
        foreach (var usage in usages)
        {
            var plan = UserAttribution.PlanAt(intervals, usage.OccurredAt);
            var day = UtcBuckets.DayOf(usage.OccurredAt);
            if (plan is null)
            {
                delta?.AddUnattributed(day, new Tally(sign * usage.Seconds, sign));
                continue;
            }

            // Active users are counted per plan the usage resolves to here, before any renaming: two plans merged
            // into one each counted the user once, and so does this (the plans' totals hold exactly that). A user
            // active in both plans named both, so the merge reconciles the user and the survivor counts the user once.
            var firstThatDay = activeDays.Add((plan, day));
            bool? firstThatMonth = countsMonths ? activeMonths.Add((plan, UtcBuckets.MonthOf(day))) : null;
            if (delta is not null)
            {
                For(delta, fileUnder?.Invoke(plan) ?? plan, usages.Count, spares).AddUsage(usage, day, sign, countsActiveUser: firstThatDay, monthActiveUser: firstThatMonth);
            }
        }

        return new UserAttribution(intervals, activeDays, countsMonths ? activeMonths : null);
    }

    /// <summary>Removes zero entries and then empty plans from <paramref name="delta"/> (it never holds either).</summary>
    public static UserDelta Prune(UserDelta delta)
    {
        List<string>? emptyPlans = null;
        foreach (var (plan, figures) in delta.Plans)
        {
            RemoveZeros(figures.Hourly);
            RemoveZeros(figures.Daily);
            RemoveZeros(figures.Content);
            RemoveZeros(figures.Monthly);
            if (figures.IsEmpty)
            {
                (emptyPlans ??= []).Add(plan);
            }
        }

        foreach (var plan in emptyPlans ?? [])
        {
            delta.Plans.Remove(plan);
        }

        if (delta.UnattributedIfAny is { } unattributed)
        {
            RemoveZeros(unattributed);
        }

        return delta;
    }

    private static void RemoveZeros<TKey, TValue>(Dictionary<TKey, TValue> totals)
        where TKey : notnull
        where TValue : struct, ISignedSum<TValue>
    {
        // Removing the current entry while enumerating is allowed for Dictionary (no other change is made).
        foreach (var (key, value) in totals)
        {
            if (value.IsZero)
            {
                totals.Remove(key);
            }
        }
    }

    private static PlanFigures For(UserDelta delta, string plan, int usages, DeltaSpares? spares) =>
        delta.Plans.TryGetValue(plan, out var figures) ? figures : delta.Plans[plan] = spares?.Figures(usages) ?? new PlanFigures();

    private static void Close(List<MembershipInterval> intervals, string? plan, DateTimeOffset from, DateTimeOffset to)
    {
        // A membership opened and closed at the same instant contains no instant at all.
        if (plan is not null && from < to)
        {
            intervals.Add(new MembershipInterval(plan, from, to));
        }
    }
}
