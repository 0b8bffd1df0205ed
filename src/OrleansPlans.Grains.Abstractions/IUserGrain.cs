using OrleansPlans.Domain.Events;

namespace OrleansPlans.Grains;

/// <summary>One user's membership timeline and usage, as services feed and read it. Keyed by user id.</summary>
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Applies a batch of the user's events (the stream does this; services may call it directly).</summary>
    Task<int> ApplyAsync(Immutable<UserEvents> events);

    /// <summary>The user's membership: current plan, and the plan at <paramref name="asOf"/> when given.</summary>
    Task<UserMembership> GetMembershipAsync(DateTimeOffset? asOf);
}

/// <summary>A batch of one user's events.</summary>
[GenerateSerializer, Immutable]
public sealed record UserEvents(
    [property: Id(0)] IReadOnlyList<MembershipEvent> Memberships,
    [property: Id(1)] IReadOnlyList<UsageEvent> Usages);

/// <summary>A user's membership as seen by the service API.</summary>
[GenerateSerializer, Immutable]
public sealed record UserMembership(
    [property: Id(0)] string UserId,
    [property: Id(1)] string? CurrentPlanId,
    [property: Id(2)] DateTimeOffset? MemberSince,
    [property: Id(3)] string? PlanAtAsOf,
    [property: Id(4)] int MembershipEvents,
    [property: Id(5)] int UsageEvents);
