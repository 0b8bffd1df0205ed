using OrleansPlans.Domain.Events;

namespace OrleansPlans.Benchmarks.Workload;

/// <summary>
/// A seeded, realistic-looking workload: plans of about <see cref="MembersPerPlan"/> users, each user joining a plan
/// early in a 30-day window, a fifth switching plan and a tenth leaving, and mostly usage events spread over the
/// window. Each user's events are cut into small batches in time order; the batches of all users are interleaved
/// round-robin, as partitions of a stream would deliver them. A few users get their first membership in their last
/// batch, so late membership (re-attribution) is on the measured path too.
/// </summary>
public sealed class WorkloadGenerator(int seed)
{
    /// <summary>Average plan size.</summary>
    public const int MembersPerPlan = 50;

    /// <summary>Events per delivered batch of one user.</summary>
    public const int EventsPerBatch = 4;

    private const int Contents = 400;
    private const int WindowDays = 30;
    private static readonly DateTimeOffset WindowStart = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Generates <paramref name="users"/> users with about <paramref name="usagesPerUser"/> usage events each.</summary>
    public Workload Generate(int users, int usagesPerUser)
    {
        var random = new Random(seed);
        var planIds = Enumerable.Range(0, Math.Max(2, users / MembersPerPlan)).Select(p => $"plan-{p}").ToArray();
        var contentIds = Enumerable.Range(0, Contents).Select(c => $"course-{c}").ToArray();
        var perUser = new List<UserBatch>[users];
        var userIds = new string[users];
        long memberships = 0, usages = 0;
        for (var u = 0; u < users; u++)
        {
            var userId = userIds[u] = $"user-{u}";
            var events = new List<(DateTimeOffset At, object Event)>();
            foreach (var m in Memberships(random, userId, planIds))
            {
                events.Add((m.OccurredAt, m));
            }

            var count = Math.Max(1, usagesPerUser + random.Next(-usagesPerUser / 2, (usagesPerUser / 2) + 1));
            for (var k = 0; k < count; k++)
            {
                var at = At(random, 0, WindowDays);
                var content = contentIds[Math.Min(Contents - 1, (int)(Contents * random.NextDouble() * random.NextDouble()))];
                events.Add((at, new UsageEvent($"u-{u}-{k}", userId, content, random.Next(1, 3601), at)));
            }

            events.Sort((a, b) => a.At.CompareTo(b.At));
            if (random.NextDouble() < 0.05)
            {
                // Late membership: the first membership event arrives after all the usage it covers.
                var first = events.FindIndex(e => e.Event is MembershipEvent);
                var late = events[first];
                events.RemoveAt(first);
                events.Add(late);
            }

            memberships += events.Count(e => e.Event is MembershipEvent);
            usages += events.Count(e => e.Event is UsageEvent);
            perUser[u] = events.Chunk(EventsPerBatch)
                .Select(chunk => new UserBatch(
                    userId,
                    chunk.Select(e => e.Event).OfType<MembershipEvent>().ToArray(),
                    chunk.Select(e => e.Event).OfType<UsageEvent>().ToArray()))
                .ToList();
        }

        return new Workload(Interleave(perUser), userIds, planIds, memberships, usages);
    }

    private static IEnumerable<MembershipEvent> Memberships(Random random, string userId, string[] planIds)
    {
        var plan = planIds[random.Next(planIds.Length)];
        var joined = At(random, 0, 5);
        yield return new MembershipEvent($"m-{userId}-0", MembershipChange.Added, plan, userId, joined);
        if (random.NextDouble() < 0.2)
        {
            plan = planIds[random.Next(planIds.Length)];
            yield return new MembershipEvent($"m-{userId}-1", MembershipChange.Added, plan, userId, At(random, 10, 20));
        }

        if (random.NextDouble() < 0.1)
        {
            yield return new MembershipEvent($"m-{userId}-2", MembershipChange.Removed, plan, userId, At(random, 20, WindowDays));
        }
    }

    private static DateTimeOffset At(Random random, int fromDay, int toDay) =>
        WindowStart.AddSeconds(random.Next(fromDay * 86_400, toDay * 86_400));

    private static List<UserBatch> Interleave(List<UserBatch>[] perUser)
    {
        var result = new List<UserBatch>(perUser.Sum(b => b.Count));
        var longest = perUser.Max(b => b.Count);
        for (var round = 0; round < longest; round++)
        {
            foreach (var batches in perUser)
            {
                if (round < batches.Count)
                {
                    result.Add(batches[round]);
                }
            }
        }

        return result;
    }
}
