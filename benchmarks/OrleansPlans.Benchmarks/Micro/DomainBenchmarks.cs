using BenchmarkDotNet.Attributes;
using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Plans;
using OrleansPlans.Domain.Users;

namespace OrleansPlans.Benchmarks.Micro;

/// <summary>
/// The domain's hot path per user batch: a timeline ingesting a batch and committing it (the delta a user grain
/// sends), and a plan ledger applying such a delta (what a plan grain does per delivered message).
/// </summary>
[MemoryDiagnoser]
public class DomainBenchmarks
{
    private const string Plan = "plan-1";
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private UsageEvent[] _usages = null!;
    private MembershipEvent _joined = null!;
    private PlanDeltaMessage[] _deltas = null!;
    private PlanLedger _ledger = null!;
    private int _next;

    /// <summary>Usage events per batch.</summary>
    [Params(4, 64)]
    public int BatchSize { get; set; }

    /// <summary>Builds the events and a pool of deltas from 1,000 users.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(6);
        _joined = new MembershipEvent("m-0", MembershipChange.Added, Plan, "user-0", Start);
        _usages = Enumerable.Range(0, BatchSize)
            .Select(k => new UsageEvent($"u-{k}", "user-0", $"course-{random.Next(400)}", random.Next(1, 3601), Start.AddSeconds(random.Next(1, 30 * 86_400))))
            .ToArray();
        _deltas = Enumerable.Range(0, 1_000).Select(u =>
        {
            var timeline = new UserTimeline($"user-{u}");
            timeline.Ingest(_joined with { UserId = timeline.UserId });
            foreach (var usage in _usages)
            {
                timeline.Ingest(usage with { UserId = timeline.UserId });
            }

            timeline.Learn(Plan, PlanResolution.Self(Plan));
            timeline.CommitToOutbox();
            return timeline.Outbox.Plans[0];
        }).ToArray();
        _ledger = new PlanLedger(Plan);
    }

    /// <summary>A new user's first batch: ingest the membership and usage, resolve the plan, commit.</summary>
    [Benchmark]
    public object TimelineIngestAndCommit()
    {
        var timeline = new UserTimeline("user-0");
        timeline.Ingest(_joined);
        foreach (var usage in _usages)
        {
            timeline.Ingest(usage);
        }

        timeline.Learn(Plan, PlanResolution.Self(Plan));
        return timeline.Commit();
    }

    /// <summary>A plan ledger applies one user's delta and takes its row changes (a fresh sequence each call).</summary>
    [Benchmark]
    public int PlanApplyDelta()
    {
        var delta = _deltas[_next % _deltas.Length];
        _ledger.Apply(delta.UserId, ++_next, Plan, delta.Delta);
        return _ledger.TakeRowChanges().Count;
    }
}
