using OrleansPlans.Domain.Events;

namespace OrleansPlans.Domain.Users;

/// <summary>Contract rule 1: a user's membership events apply by event time, ties broken by ordinal eventId.</summary>
public sealed class MembershipOrder : IComparer<MembershipEvent>
{
    /// <summary>The single instance.</summary>
    public static readonly MembershipOrder Instance = new();

    /// <inheritdoc />
    public int Compare(MembershipEvent? x, MembershipEvent? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var byTime = x.OccurredAt.UtcTicks.CompareTo(y.OccurredAt.UtcTicks);
        return byTime != 0 ? byTime : string.CompareOrdinal(x.EventId, y.EventId);
    }
}
