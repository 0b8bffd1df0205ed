using BenchmarkDotNet.Attributes;
using OrleansPlans.Benchmarks.Workload;
using OrleansPlans.Domain.Contract;
using OrleansPlans.Domain.Events;

namespace OrleansPlans.Benchmarks.Micro;

/// <summary>Contract codec: decoding one usage and one membership record (the per-record cost under the Kafka ceiling).</summary>
[MemoryDiagnoser]
public class CodecBenchmarks
{
    private ContractRecord _usage = null!;
    private ContractRecord _membership = null!;

    /// <summary>Encodes the records once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var at = new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
        _usage = ContractRecords.Usage(new UsageEvent("u-1-7", "user-1", "course-12", 420, at));
        _membership = ContractRecords.Membership(new MembershipEvent("m-user-1-0", MembershipChange.Added, "plan-3", "user-1", at));
    }

    /// <summary>Decode a <c>content-usage</c> record.</summary>
    [Benchmark]
    public object? DecodeUsage() => ContractCodec.Decode(InputTopic.Usage, _usage.Key, _usage.Value).Value;

    /// <summary>Decode a <c>plan-membership</c> record.</summary>
    [Benchmark]
    public object? DecodeMembership() => ContractCodec.Decode(InputTopic.Membership, _membership.Key, _membership.Value).Value;
}
