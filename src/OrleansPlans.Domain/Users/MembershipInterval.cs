namespace OrleansPlans.Domain.Users;

/// <summary>A half-open membership <c>[From, To)</c> in a surviving plan; <see cref="To"/> is null while open.</summary>
public readonly record struct MembershipInterval(string PlanId, DateTimeOffset From, DateTimeOffset? To)
{
    /// <summary>Whether <paramref name="at"/> falls inside the interval (the start instant does, the end does not).</summary>
    public bool Contains(DateTimeOffset at) => From <= at && (To is null || at < To);
}
