namespace OrleansPlans.Domain.Contract;

/// <summary>The wire shape of a <c>plan-membership</c> value; every field nullable so a missing one is reported by name.</summary>
internal sealed record MembershipRecord(string? EventId, string? Type, string? PlanId, string? UserId, string? OccurredAt);
