using OrleansPlans.Dashboard.Status;
using OrleansPlans.Operations.Status;

namespace OrleansPlans.Dashboard.Tests;

/// <summary>A status source answering one known snapshot, so the page's health panel can be checked value by value.</summary>
internal sealed class FixedPipelineStatusSource(PipelineStatus status) : IPipelineStatusSource
{
    /// <summary>Two active silos and a dead one; input lag 42 over 3 partitions, sink lag 7 over 1; 2 dead letters; one warning.</summary>
    public static PipelineStatus Sample { get; } = new()
    {
        ReadAt = Seed.Now,
        Kafka = Reachability.Ok,
        Postgres = Reachability.Ok,
        InputConsumerGroup = "orleansplans",
        InputLag =
        [
            PartitionLag.Of("content-usage", 0, 0, 1000, 958),
            PartitionLag.Of("content-usage", 1, 0, 500, 500),
            PartitionLag.Of("plan-membership", 0, 0, 10, 10),
        ],
        SinkConsumerGroup = "orleansplans-analytics",
        SinkLag = [PartitionLag.Of("plans", 0, 0, 100, 93)],
        Silos =
        [
            Silo("127.0.0.1:11111", "Active"),
            Silo("127.0.0.1:11112", "Active"),
            Silo("127.0.0.1:11113", "Dead"),
        ],
        DeadLetters = new DeadLetterSummary(2, []),
        Warnings = ["Topic plan-merges has no partitions yet."],
    };

    public int Reads { get; private set; }

    public Task<PipelineStatus> ReadAsync(CancellationToken cancellationToken)
    {
        Reads++;
        return Task.FromResult(status);
    }

    private static SiloInfo Silo(string address, string status) =>
        new("orleansplans", address, 1, $"silo-{address[^5..]}", "host-a", status, Seed.Now.AddHours(-1), Seed.Now.AddSeconds(-5));
}
