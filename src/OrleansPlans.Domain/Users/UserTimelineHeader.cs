using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Plans;

namespace OrleansPlans.Domain.Users;

/// <summary>
/// The part of a <see cref="UserTimeline"/> persisted whole on every write (see <see cref="UserTimelineParts"/>):
/// everything but the usage events, which are parts of their own. Memberships are few per user, and the outbox holds
/// only the deltas of the commit being written.
/// </summary>
public sealed record UserTimelineHeader(
    List<MembershipEvent> Memberships,
    Dictionary<string, PlanResolution> Resolutions,
    long NextSequence,
    UserOutbox Outbox);
