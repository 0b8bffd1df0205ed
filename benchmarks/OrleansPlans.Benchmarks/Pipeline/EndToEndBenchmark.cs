using System.Diagnostics;
using OrleansPlans.Benchmarks.Engine;
using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Benchmarks.Pipeline;

/// <summary>
/// Issue 6, figure 2 (and the backlog half of figure 6): the whole backlog is in the input topics before the silos
/// start; the clock runs from starting the silos and the sink until the analytics tables hold every row the domain
/// engine computes for the same events. The process's resident set is sampled meanwhile.
/// </summary>
public static class EndToEndBenchmark
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>What one end-to-end run measured.</summary>
    /// <param name="Run">From starting the silos until the tables matched.</param>
    /// <param name="FirstRowsAt">When the first check saw usage events in the tables (silo start, queue balancing and JIT done).</param>
    /// <param name="ShareAtFirstRows">The share of the usage events already in the tables at that check.</param>
    /// <param name="SilosStartedAt">When every silo and the sink had started (membership joined, before queues are balanced).</param>
    public sealed record Result(RunResult Run, long RssBefore, long RssPeak, long RssAfter, TimeSpan FirstRowsAt, double ShareAtFirstRows, TimeSpan SilosStartedAt)
    {
        /// <summary>
        /// Records per second from the first rows on, start-up left out: a fixed cost of seconds that a 10x run
        /// amortizes and a warm second run in the same process does not pay in full, so ratios between runs use this.
        /// A run too short to tell (most rows in the first check, or under a second after it) falls back to the whole run.
        /// </summary>
        public double SteadyRate(long records) =>
            ShareAtFirstRows > 0.9 || Run.Elapsed - FirstRowsAt < TimeSpan.FromSeconds(1)
                ? Run.Rate(records)
                : records * (1 - ShareAtFirstRows) / (Run.Elapsed - FirstRowsAt).TotalSeconds;
    }

    /// <summary>Starts the silos and sink of <paramref name="environment"/> and waits until the tables equal <paramref name="expected"/>.</summary>
    /// <param name="environment">The pipeline, its backlog already produced.</param>
    /// <param name="expected">What the tables must hold.</param>
    /// <param name="timeout">Bound on the whole run.</param>
    /// <param name="progress">Told the usage events in the tables at every check (the kill run stops a silo from here).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task<Result> RunAsync(
        PipelineEnvironment environment, ExpectedTables expected, TimeSpan timeout, Func<long, Task>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(expected);
        var rssBefore = CurrentRss();
        var peak = rssBefore;
        var measurement = Measurement.Start();
        var clock = Stopwatch.StartNew();
        await environment.StartSilosAndSinkAsync(cancellationToken);
        var silosStartedAt = clock.Elapsed;
        var last = "";
        TimeSpan? firstRowsAt = null;
        var shareAtFirstRows = 0.0;
        while (true)
        {
            peak = Math.Max(peak, CurrentRss());
            var usage = await UsageEventsAsync(environment, cancellationToken);
            if (firstRowsAt is null && usage > 0)
            {
                (firstRowsAt, shareAtFirstRows) = (clock.Elapsed, (double)usage / expected.UsageEvents);
            }

            if (progress is not null)
            {
                await progress(usage);
            }

            last = await DifferenceAsync(environment, expected, usage, cancellationToken);
            if (last.Length == 0)
            {
                break;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"end-to-end: tables not caught up within {timeout}: {last}");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        var run = measurement.Stop();
        return new Result(run, rssBefore, peak, CurrentRss(), firstRowsAt ?? TimeSpan.Zero, shareAtFirstRows, silosStartedAt);
    }

    /// <summary>The resident set of this process now.</summary>
    public static long CurrentRss()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    private static async Task<long> UsageEventsAsync(PipelineEnvironment environment, CancellationToken cancellationToken) =>
        await environment.SumAsync(OutputTables.PlanUsageDaily, "events", cancellationToken)
        + await environment.SumAsync(OutputTables.UnattributedUsageDaily, "events", cancellationToken);

    private static async Task<string> DifferenceAsync(PipelineEnvironment environment, ExpectedTables expected, long usage, CancellationToken cancellationToken)
    {
        if (usage != expected.UsageEvents)
        {
            return $"{usage} of {expected.UsageEvents} usage events in the daily tables";
        }

        foreach (var (table, rows) in expected.RowCounts)
        {
            var actual = await environment.CountAsync(table, cancellationToken);
            if (actual != rows)
            {
                return $"{table} has {actual} rows, expected {rows}";
            }
        }

        return "";
    }
}
