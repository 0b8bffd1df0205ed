using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Plans;

namespace OrleansPlans.Domain.Users;

/// <summary>
/// The order in which a user's changes are made durable and delivered: resolve the plan ids the new events name,
/// commit into the outbox, persist, then deliver the outbox. A crash before persisting loses nothing (the input is
/// redelivered); a crash after it redelivers the outbox, which receivers deduplicate by sequence number.
/// </summary>
public static class UserWorkflow
{
    /// <summary>Ingests a batch of the user's events and carries out everything it implies.</summary>
    public static async Task<int> ApplyAsync(
        UserTimeline timeline,
        IEnumerable<MembershipEvent> memberships,
        IEnumerable<UsageEvent> usages,
        IUserPorts ports,
        Func<Task> persist)
    {
        var accepted = 0;
        foreach (var membership in memberships)
        {
            accepted += timeline.Ingest(membership) ? 1 : 0;
        }

        accepted += IngestAll(timeline, usages);
        await SettleAsync(timeline, ports, persist);
        return accepted;
    }

    /// <summary>A merge joined plan ids this user names: reconcile the timeline with where they all resolve now.</summary>
    public static Task ReconcileAsync(
        UserTimeline timeline,
        IReadOnlyDictionary<string, PlanResolution> survivorAliases,
        IUserPorts ports,
        Func<Task> persist)
    {
        foreach (var (plan, resolution) in survivorAliases)
        {
            timeline.Learn(plan, resolution);
        }

        return SettleAsync(timeline, ports, persist);
    }

    /// <summary>Delivers whatever the outbox still holds (after a restart, before anything else).</summary>
    public static async Task DeliverOutboxAsync(UserTimeline timeline, IUserPorts ports, Func<Task> persist)
    {
        if (timeline.Outbox.Count == 0)
        {
            return;
        }

        foreach (var message in timeline.Outbox.Plans)
        {
            await ports.DeliverAsync(message);
        }

        foreach (var message in timeline.Outbox.Unattributed)
        {
            await ports.DeliverAsync(message);
        }

        timeline.Outbox.Clear();
        await persist();
    }

    private static int IngestAll(UserTimeline timeline, IEnumerable<UsageEvent> usages)
    {
        var accepted = 0;
        if (usages is UsageEvent[] array)
        {
            // What deliveries carry, most batches: an array walked by index makes no enumerator object.
            foreach (var usage in array)
            {
                accepted += timeline.Ingest(usage) ? 1 : 0;
            }

            return accepted;
        }

        foreach (var usage in usages)
        {
            accepted += timeline.Ingest(usage) ? 1 : 0;
        }

        return accepted;
    }

    private static async Task SettleAsync(UserTimeline timeline, IUserPorts ports, Func<Task> persist)
    {
        await DeliverOutboxAsync(timeline, ports, persist);
        if (!timeline.HasPending)
        {
            return;
        }

        // A list of its own: learning below does not change it.
        foreach (var plan in timeline.FindUnresolvedPlans() ?? [])
        {
            var registration = await ports.RegisterAsync(plan, timeline.UserId);
            timeline.Learn(plan, registration.Resolution);
            foreach (var (alias, resolution) in registration.Aliases)
            {
                timeline.Learn(alias, resolution);
            }
        }

        timeline.CommitToOutbox();
        await persist();
        await DeliverOutboxAsync(timeline, ports, persist: () => Task.CompletedTask);
    }
}
