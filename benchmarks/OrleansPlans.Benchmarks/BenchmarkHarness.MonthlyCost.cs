using OrleansPlans.Benchmarks.Engine;
using OrleansPlans.Benchmarks.Pipeline;
using OrleansPlans.Benchmarks.Reporting;
using OrleansPlans.Benchmarks.Workload;
using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Benchmarks;

/// <summary>Issue 12's figure: what <c>plan_usage_monthly</c> costs end to end.</summary>
public static partial class BenchmarkHarness
{
    private static async Task MonthlyCostAsync(
        FigureReport report, BenchmarkSettings settings, IReadOnlyList<ContractRecord> records, ExpectedTables expected, CancellationToken cancellationToken)
    {
        report.Section($"monthly table cost: the end-to-end run with plan_usage_monthly and without it (PlanTables:MonthlyUsage=false), " +
            $"{settings.MonthlyRounds} round(s) in alternating order, each in a fresh environment");
        var rates = new Dictionary<bool, List<double>> { [true] = [], [false] = [] };
        var cpuRates = new Dictionary<bool, List<double>> { [true] = [], [false] = [] };
        for (var round = 0; round < settings.MonthlyRounds; round++)
        {
            // With, without; then without, with: warm-up and a drifting machine load favour neither side.
            foreach (var monthly in round % 2 == 0 ? new[] { true, false } : new[] { false, true })
            {
                await using var environment = await PipelineEnvironment.StartAsync(PartitionScale(records), cancellationToken);
                environment.MonthlyUsage = monthly;
                RecordProducer.ProduceAll(environment.BootstrapServers, records);
                var run = await EndToEndBenchmark.RunAsync(
                    environment, monthly ? expected : expected.WithoutMonthly(), EndToEndTimeout, progress: null, cancellationToken);
                var monthlyRows = await environment.CountAsync(OutputTables.PlanUsageMonthly, cancellationToken);
                rates[monthly].Add(run.SteadyRate(records.Count));
                cpuRates[monthly].Add(run.Run.CpuRate(records.Count));
                report.Detail($"round {round + 1}, {(monthly ? "with" : "without")} monthly: {run.SteadyRate(records.Count):#,0} records/s from the first rows " +
                    $"(wall {run.Run.Elapsed.TotalSeconds:#,0.0} s), {run.Run.CpuRate(records.Count):#,0} records per CPU-s of this process; {monthlyRows:#,0} monthly rows");
            }
        }

        var with = rates[true].Average();
        var without = rates[false].Average();
        report.Figure(FigureIds.MonthlyCostRatio, with / without, "x",
            $"end-to-end rate with plan_usage_monthly over without, from the first rows, mean of {settings.MonthlyRounds}: {with:#,0} / {without:#,0} records/s; " +
            $"per CPU-s of this process (PostgreSQL not counted) {cpuRates[true].Average():#,0} / {cpuRates[false].Average():#,0}");
    }
}
