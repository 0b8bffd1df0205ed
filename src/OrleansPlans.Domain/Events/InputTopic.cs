namespace OrleansPlans.Domain.Events;

/// <summary>The contract's three input topics, independent of their configured names.</summary>
public enum InputTopic
{
    /// <summary><c>plan-membership</c>, keyed by userId.</summary>
    Membership,

    /// <summary><c>content-usage</c>, keyed by userId.</summary>
    Usage,

    /// <summary><c>plan-merges</c>, keyed by sourcePlanId.</summary>
    Merges,
}
