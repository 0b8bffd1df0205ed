using OrleansPlans.Benchmarks.Pipeline;
using OrleansPlans.Benchmarks.Projection;
using OrleansPlans.Benchmarks.Reporting;

namespace OrleansPlans.Benchmarks;

/// <summary>The projector alone (<c>--projector-only</c>): flush interval and producer settings compared back to back.</summary>
public static partial class BenchmarkHarness
{
    private const double ProjectorChangesPerSecond = 5_000;
    private const int ProjectorKeys = 2_000;
    private static readonly TimeSpan ProjectorDuration = TimeSpan.FromSeconds(6);

    private static async Task ProjectorOnlyAsync(FigureReport report, CancellationToken cancellationToken)
    {
        report.Section($"projector alone: {ProjectorChangesPerSecond:#,0} row changes/s for {ProjectorDuration.TotalSeconds:#,0} s over {ProjectorKeys:#,0} rows, per variant (dev broker in this process)");
        await using var environment = await PipelineEnvironment.StartAsync(cancellationToken: cancellationToken);
        // Not reported: loads and compiles the projector's code, which the first variant would otherwise pay for.
        await ProjectorBenchmark.RunAsync(environment, ProjectorBenchmark.Variants[0], "projwarm", ProjectorChangesPerSecond, TimeSpan.FromSeconds(2), ProjectorKeys);
        var index = 0;
        foreach (var variant in ProjectorBenchmark.Variants)
        {
            var result = await ProjectorBenchmark.RunAsync(environment, variant, $"proj{index++}", ProjectorChangesPerSecond, ProjectorDuration, ProjectorKeys);
            report.Detail($"{variant.Name}: publish to acknowledged p50 {result.Percentile(50):#,0.0} ms, p99 {result.Percentile(99):#,0.0} ms; " +
                $"{(double)result.Records / result.Changes:0.00} records per change; {result.Run.Cpu.TotalMilliseconds * 1000 / result.Changes:#,0.0} µs CPU per change");
        }
    }
}
