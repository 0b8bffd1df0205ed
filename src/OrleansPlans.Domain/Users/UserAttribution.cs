using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Figures;

namespace OrleansPlans.Domain.Users;

/// <summary>
/// What a usage-only commit needs to know of a user's applied contribution: the membership intervals (where each
/// instant is attributed) and the days on which the user already counts as active in each plan. Kept between commits
/// instead of the whole <see cref="UserContribution"/>, whose per-hour and per-content figures are only needed when a
/// commit re-attributes (a membership or a resolution changed), and then they are computed afresh from the events:
/// the full figures of every user held for good were most of the engine's heap and of its garbage-collection time.
/// </summary>
internal sealed class UserAttribution
{
    private readonly List<MembershipInterval> _intervals;
    private readonly HashSet<(string Plan, DateOnly Day)> _activeDays;

    private UserAttribution(List<MembershipInterval> intervals, HashSet<(string Plan, DateOnly Day)> activeDays)
    {
        _intervals = intervals;
        _activeDays = activeDays;
    }

    /// <summary>The membership intervals by event time, in surviving plan ids.</summary>
    public IReadOnlyList<MembershipInterval> Intervals => _intervals;

    /// <summary>The view of <paramref name="contribution"/>: its intervals, and each (plan, day) with usage.</summary>
    public static UserAttribution Of(UserContribution contribution)
    {
        var activeDays = new HashSet<(string Plan, DateOnly Day)>();
        foreach (var (plan, figures) in contribution.Plans)
        {
            foreach (var (day, tally) in figures.Daily)
            {
                // A user's own daily figure has events exactly on the days it has usage there (members add no daily row).
                if (tally.Events != 0)
                {
                    activeDays.Add((plan, day));
                }
            }
        }

        return new UserAttribution(contribution.Intervals, activeDays);
    }

    /// <summary>The plan the user is a member of at <paramref name="at"/>, or null.</summary>
    public string? PlanAt(DateTimeOffset at) => UserContribution.PlanAt(_intervals, at);

    /// <summary>
    /// Records in <paramref name="delta"/> what one more usage event adds, exactly as
    /// <see cref="UserContribution.AddUsage"/> would: its figures under the plan it falls in (one active user more when
    /// it is the user's first usage of that day there), or unattributed usage of its day.
    /// </summary>
    public void AddUsage(UsageEvent usage, UserDelta delta)
    {
        var plan = PlanAt(usage.OccurredAt);
        var day = UtcBuckets.DayOf(usage.OccurredAt);
        if (plan is null)
        {
            ref var change = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(delta.Unattributed, day, out _);
            change = change.Plus(new Tally(usage.Seconds, 1), 1);
            return;
        }

        if (!delta.Plans.TryGetValue(plan, out var figures))
        {
            delta.Plans[plan] = figures = new PlanFigures();
        }

        figures.AddUsage(usage, day, activeUserIfFirst: false);
        if (_activeDays.Add((plan, day)))
        {
            figures.AddActiveUser(day, 1);
        }
    }
}
