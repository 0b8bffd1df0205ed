namespace OrleansPlans.Domain.Events;

/// <summary>The two kinds of <c>plan-membership</c> events.</summary>
public enum MembershipChange
{
    /// <summary><c>member_added</c>: the user is a member of the plan from the event time on.</summary>
    Added,

    /// <summary><c>member_removed</c>: the user's membership of the plan ends at the event time.</summary>
    Removed,
}
