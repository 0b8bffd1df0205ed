using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Figures;

namespace OrleansPlans.Domain.Users;

/// <summary>
/// What a usage-only commit needs to know of a user's applied contribution: the membership intervals (where each
/// instant is attributed) and the days and months in which the user already counts as active in each plan. Kept between commits
/// instead of the user's whole contribution, whose per-hour and per-content figures are only needed when a
/// commit re-attributes (a membership or a resolution changed), and then they are computed afresh from the events:
/// the full figures of every user held for good were most of the engine's heap and of its garbage-collection time.
/// </summary>
internal sealed class UserAttribution
{
    private readonly List<MembershipInterval> _intervals;
    private readonly CompactSet<(string Plan, DateOnly Day)> _activeDays;

    // Null when months are not counted (UserTimeline.CountsMonths).
    private readonly CompactSet<(string Plan, DateOnly Month)>? _activeMonths;

    /// <summary>
    /// Wraps the intervals, active plan-days and active plan-months (null: months not counted) of a computed
    /// contribution (see <see cref="UserContribution.Compute"/>).
    /// </summary>
    public UserAttribution(
        List<MembershipInterval> intervals, CompactSet<(string Plan, DateOnly Day)> activeDays, CompactSet<(string Plan, DateOnly Month)>? activeMonths)
    {
        _intervals = intervals;
        _activeDays = activeDays;
        _activeMonths = activeMonths;
    }

    /// <summary>The membership intervals by event time, in surviving plan ids.</summary>
    public IReadOnlyList<MembershipInterval> Intervals => _intervals;

    /// <summary>The plan the user is a member of at <paramref name="at"/>, or null.</summary>
    public string? PlanAt(DateTimeOffset at) => PlanAt(_intervals, at);

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

    /// <summary>
    /// Records in <paramref name="delta"/> what one more usage event adds, exactly as
    /// <see cref="UserContribution.Compute"/> counts it: its figures under the plan it falls in (one active user more when
    /// it is the user's first usage of that day there, and likewise of its month), or unattributed usage of its day. <paramref name="batchSize"/>
    /// is the number of usage events committed together (the size a new plan delta is made for); a new plan delta comes
    /// from <paramref name="spares"/> when given.
    /// </summary>
    public void AddUsage(UsageEvent usage, UserDelta delta, int batchSize, DeltaSpares? spares)
    {
        var plan = PlanAt(usage.OccurredAt);
        var day = UtcBuckets.DayOf(usage.OccurredAt);
        if (plan is null)
        {
            delta.AddUnattributed(day, new Tally(usage.Seconds, 1));
            return;
        }

        if (!delta.Plans.TryGetValue(plan, out var figures))
        {
            delta.Plans[plan] = figures = spares?.Figures(batchSize) ?? PlanFigures.ForUsages(batchSize);
        }

        figures.AddUsage(usage, day, 1, countsActiveUser: _activeDays.Add((plan, day)),
            monthActiveUser: _activeMonths?.Add((plan, UtcBuckets.MonthOf(day))));
    }
}
