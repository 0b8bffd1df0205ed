using OrleansPlans.Benchmarks.Engine;
using OrleansPlans.Benchmarks.Memory;
using OrleansPlans.Benchmarks.Reporting;
using OrleansPlans.Benchmarks.Workload;
using OrleansPlans.Grains;

namespace OrleansPlans.Benchmarks;

/// <summary>
/// Runs every measured part and prints its figures (see <see cref="FigureIds"/>). Parts of issue 6 that need a
/// broker (Kafka consume+parse ceiling, end-to-end rate and latency) and the large-merge timing are not here yet.
/// </summary>
public static class BenchmarkHarness
{
    /// <summary>Runs the harness, writing figures to <paramref name="output"/>.</summary>
    public static async Task RunAsync(BenchmarkSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        var report = new FigureReport(output);
        report.Section($"OrleansPlans benchmarks{(settings.Smoke ? " (smoke: tiny sizes, figures are not meaningful)" : "")}");
        report.Detail($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");

        var generator = new WorkloadGenerator(settings.Seed);
        var workload = generator.Generate(settings.Users, settings.UsagesPerUser);
        DomainEngine(report, settings, workload);

        var grainWorkload = settings.GrainUsers == settings.Users ? workload : generator.Generate(settings.GrainUsers, settings.UsagesPerUser);
        await GrainEngineAsync(report, grainWorkload, cancellationToken);
        output.Flush();
    }

    private static void DomainEngine(FigureReport report, BenchmarkSettings settings, Workload.Workload workload)
    {
        report.Section("engine rate, pure domain (InMemoryPlanAnalytics, one thread)");
        Describe(report, workload);
        RunResult? best = null;
        Domain.Engine.InMemoryPlanAnalytics? engine = null;
        long heapBefore = 0;
        for (var i = 0; i < settings.Repetitions; i++)
        {
            // Drop the previous engine before the next run so the runs see the same heap.
            engine = null;
            heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            (var result, engine) = DomainEngineBenchmark.Run(workload);
            report.Detail($"run {i + 1}: {result.Elapsed.TotalMilliseconds:#,0} ms, {result.Rate(workload.UsageEvents):#,0} usage events/s, " +
                $"{(double)result.AllocatedBytes / workload.Events:#,0} bytes allocated per event");
            best = best is null || result.Elapsed < best.Value.Elapsed ? result : best;
        }

        DomainEngineBenchmark.Verify(engine!, workload);
        report.EngineRate(FigureIds.DomainEngineRate, best!.Value.Rate(workload.UsageEvents),
            $"best of {settings.Repetitions}; {best.Value.Rate(workload.Events):#,0} events/s counting memberships");

        report.Section($"memory after loading {workload.UserIds.Count:#,0} users into the domain engine");
        var (perUser, perPlan, plans) = StateSizes.Measure(engine!, workload);
        report.Figure(FigureIds.UserStateBytes, perUser, "bytes", "mean UserTimeline JSON, DomainJsonContext");
        report.Figure(FigureIds.PlanStateBytes, perPlan, "bytes", $"mean PlanLedger JSON over {plans:#,0} surviving plans");
        var loaded = GC.GetTotalMemory(forceFullCollection: true);
        var rss = Environment.WorkingSet;
        GC.KeepAlive(engine);
        report.Figure(FigureIds.HeapPerUser, (double)(loaded - heapBefore) / workload.UserIds.Count, "bytes",
            "managed heap held by the engine per user (plans and replica tables included), beyond the event objects it shares with the generator");
        report.Figure(FigureIds.ProcessRss, rss, "bytes",
            $"working set with engine and generated events loaded; managed heap {loaded / (1024.0 * 1024):#,0} MiB");
    }

    private static async Task GrainEngineAsync(FigureReport report, Workload.Workload workload, CancellationToken cancellationToken)
    {
        report.Section("engine rate, grains (one in-process silo, memory storage, in-memory row sink)");
        Describe(report, workload);
        await using var silo = await InProcessSilo.StartAsync(cancellationToken);
        var result = await GrainEngineBenchmark.RunAsync(silo.Grains, workload, cancellationToken);
        await VerifyAsync(silo.Grains, workload);
        report.Detail($"{result.Elapsed.TotalMilliseconds:#,0} ms, {(double)result.AllocatedBytes / workload.Events:#,0} bytes allocated per event (all threads), " +
            $"{silo.Rows.ChangeCount:#,0} row changes emitted");
        report.EngineRate(FigureIds.GrainEngineRate, result.Rate(workload.UsageEvents),
            $"one cold run, {GrainEngineBenchmark.Concurrency} batches in flight; {result.Rate(workload.Events):#,0} events/s counting memberships");
    }

    private static async Task VerifyAsync(IGrainFactory grains, Workload.Workload workload)
    {
        // A sample of users must hold every usage event sent to them.
        var sample = workload.UserIds.Take(50).ToHashSet(StringComparer.Ordinal);
        var expected = workload.Batches.Where(b => sample.Contains(b.UserId))
            .GroupBy(b => b.UserId).ToDictionary(g => g.Key, g => g.Sum(b => b.Usages.Length));
        foreach (var (userId, usages) in expected)
        {
            var membership = await grains.GetGrain<IUserGrain>(userId).GetMembershipAsync(null);
            if (membership.UsageEvents != usages)
            {
                throw new InvalidOperationException($"grain {userId} holds {membership.UsageEvents} usage events, sent {usages}");
            }
        }
    }

    private static void Describe(FigureReport report, Workload.Workload workload) =>
        report.Detail($"{workload.UserIds.Count:#,0} users, {workload.PlanIds.Count:#,0} plans, {workload.Batches.Count:#,0} batches, " +
            $"{workload.UsageEvents:#,0} usage + {workload.MembershipEvents:#,0} membership events");
}
