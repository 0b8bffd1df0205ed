using System.Globalization;

namespace OrleansPlans.Benchmarks.Pipeline;

/// <summary>
/// Issue 10's <c>sustained.rate</c>: the highest paced input rate the running pipeline holds for a whole step (60 s by
/// default) with every record's lag — produced to its row update in the output topic — under one second. Found by
/// doubling from a start rate until a step fails, then bisecting between the best pass and the lowest failure until
/// they are within <see cref="Precision"/>; at most a given number of steps, each bounded in time (a failing step stops
/// producing as soon as a record is late). The caller runs each step, on an environment of its own, so that no step
/// measures what the steps before it left behind.
/// </summary>
public static class SustainedRateSearch
{
    /// <summary>The lag every paced record must stay under.</summary>
    public static readonly TimeSpan LagLimit = TimeSpan.FromSeconds(1);

    /// <summary>The search stops once the lowest failing rate is within this fraction above the best passing rate.</summary>
    public const double Precision = 0.15;

    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(60);

    /// <summary>One step of the search.</summary>
    public sealed record Step(double Rate, bool Held, PacedRun.Result Run);

    /// <summary>The best rate held (0 when none was) and every step, in order.</summary>
    public sealed record Result(double Rate, IReadOnlyList<Step> Steps);

    /// <summary>
    /// Runs the search; <paramref name="runStep"/> runs one paced step at a rate (with a tag naming its records, the
    /// lag limit and the drain bound: see <see cref="PacedRun.RunAsync"/>), <paramref name="onStep"/> is told each step as it ends.
    /// </summary>
    public static async Task<Result> RunAsync(
        Func<double, string, TimeSpan, TimeSpan, Task<PacedRun.Result>> runStep, double startRate, int maxSteps, Action<Step> onStep)
    {
        ArgumentNullException.ThrowIfNull(runStep);
        ArgumentNullException.ThrowIfNull(onStep);
        var steps = new List<Step>();
        double best = 0, lowestFailure = double.PositiveInfinity, rate = startRate;
        while (steps.Count < maxSteps)
        {
            var run = await runStep(rate, $"sus{steps.Count}", LagLimit, Drain);
            var step = new Step(rate, !run.LagExceeded, run);
            steps.Add(step);
            onStep(step);
            if (step.Held)
            {
                best = rate;
            }
            else
            {
                lowestFailure = rate;
            }

            if (lowestFailure <= best * (1 + Precision))
            {
                break;
            }

            rate = double.IsPositiveInfinity(lowestFailure) ? rate * 2 : best > 0 ? (best + lowestFailure) / 2 : lowestFailure / 2;
            rate = Math.Round(rate, rate < 100 ? 1 : 0);
        }

        return new Result(best, steps);
    }

    // What a step's line calls a slow record: half the lag limit.
    private const double SlowMs = 500;

    /// <summary>One line describing a step, for the report.</summary>
    public static string Describe(Step step)
    {
        var run = step.Run;
        var transactions = run.PostgresTransactions > 0
            ? string.Create(CultureInfo.InvariantCulture, $", {(double)run.PostgresTransactions / Math.Max(1, run.Produced):0.00} PostgreSQL transactions per record")
            : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{step.Rate:#,0.#}/s: {(step.Held ? "held" : "not held")}, {run.Produced:#,0} records, {run.LatenciesMs.Length:#,0} arrived, " +
            $"lag p50 {run.Percentile(50):#,0} ms, p99 {run.Percentile(99):#,0} ms, max {run.MaxMs:#,0} ms, " +
            $"CPU {run.Cpu.TotalSeconds:#,0.0} s here (dev broker {run.DevBrokerCpu.TotalSeconds:#,0.0} s, Kafka clients {run.KafkaClientCpu.TotalSeconds:#,0.0} s) " +
            $"+ {run.ServerCpu.TotalSeconds:#,0.0} s PostgreSQL ({run.CpuRate:#,0} records/CPU-s), " +
            $"GC pauses {run.GcPause.TotalMilliseconds:#,0} ms{transactions}; slow records: {run.SlowSpans(SlowMs)}");
    }
}
