namespace OrleansPlans.Benchmarks.Workload;

/// <summary>Generated batches in delivery order, with their totals.</summary>
public sealed record Workload(
    IReadOnlyList<UserBatch> Batches,
    IReadOnlyList<string> UserIds,
    IReadOnlyList<string> PlanIds,
    long MembershipEvents,
    long UsageEvents)
{
    /// <summary>Every event, membership and usage.</summary>
    public long Events => MembershipEvents + UsageEvents;

    /// <summary>
    /// The same events with each user's batches joined into one (in order), as a pull from a backlog delivers them
    /// once the stream provider groups a pull's records by key.
    /// </summary>
    public Workload OneBatchPerUser()
    {
        var byUser = new Dictionary<string, (List<Domain.Events.MembershipEvent> Memberships, List<Domain.Events.UsageEvent> Usages)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var batch in Batches)
        {
            if (!byUser.TryGetValue(batch.UserId, out var events))
            {
                byUser[batch.UserId] = events = ([], []);
                order.Add(batch.UserId);
            }

            events.Memberships.AddRange(batch.Memberships);
            events.Usages.AddRange(batch.Usages);
        }

        var joined = order.Select(u => new UserBatch(u, [.. byUser[u].Memberships], [.. byUser[u].Usages])).ToList();
        return this with { Batches = joined };
    }
}
