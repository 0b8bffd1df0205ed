using BenchmarkDotNet.Running;

namespace OrleansPlans.Benchmarks.Micro;

/// <summary>Runs the BenchmarkDotNet micro-benchmarks (<c>--micro</c>; minutes, so not part of the one command).</summary>
public static class MicroBenchmarks
{
    /// <summary>Runs every micro-benchmark class, passing <paramref name="args"/> on (e.g. <c>--filter *Codec*</c>).</summary>
    public static void Run(string[] args) =>
        BenchmarkSwitcher.FromTypes([typeof(CodecBenchmarks), typeof(DomainBenchmarks)]).Run(args);
}
