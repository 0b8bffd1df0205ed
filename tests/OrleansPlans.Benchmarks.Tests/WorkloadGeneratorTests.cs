using OrleansPlans.Benchmarks.Workload;

namespace OrleansPlans.Benchmarks.Tests;

/// <summary>The generated workload is reproducible and shaped as documented.</summary>
public sealed class WorkloadGeneratorTests
{
    [Fact]
    public void same_seed_gives_the_same_events()
    {
        var first = new WorkloadGenerator(3).Generate(200, 10);
        var second = new WorkloadGenerator(3).Generate(200, 10);

        Assert.Equal(first.Events, second.Events);
        Assert.Equal(
            first.Batches.SelectMany(b => b.Usages).Select(u => (u.EventId, u.ContentId, u.Seconds, u.OccurredAt)),
            second.Batches.SelectMany(b => b.Usages).Select(u => (u.EventId, u.ContentId, u.Seconds, u.OccurredAt)));
    }

    [Fact]
    public void workload_is_mostly_usage_in_small_batches_covering_every_user()
    {
        var workload = new WorkloadGenerator(1).Generate(500, 12);

        Assert.True(workload.UsageEvents > 5 * workload.MembershipEvents);
        Assert.All(workload.Batches, b => Assert.InRange(b.Memberships.Length + b.Usages.Length, 1, WorkloadGenerator.EventsPerBatch));
        Assert.Equal(500, workload.Batches.Select(b => b.UserId).Distinct().Count());
        Assert.Equal(workload.UsageEvents, workload.Batches.Sum(b => (long)b.Usages.Length));
    }
}
