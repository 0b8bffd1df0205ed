using OrleansPlans.Domain.Events;

namespace OrleansPlans.Benchmarks.Workload;

/// <summary>One delivery of a user's events, as a stream batch brings them to the user.</summary>
public sealed record UserBatch(string UserId, MembershipEvent[] Memberships, UsageEvent[] Usages);
