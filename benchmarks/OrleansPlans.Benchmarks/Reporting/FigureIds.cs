namespace OrleansPlans.Benchmarks.Reporting;

/// <summary>The ids of the figures the harness prints (every run, smoke or not), numbered as in issue 6; issue 10 added the sustained rate, kill, scale and sink figures.</summary>
public static class FigureIds
{
    /// <summary>1. Plain consumer + contract codec over the input topics, records per second.</summary>
    public const string KafkaCeilingRate = "kafka.ceiling.rate";

    /// <summary>2. Input topics to caught-up output topics and tables with 2 silos, records per second.</summary>
    public const string EndToEndRate = "e2e.rate";

    /// <summary>2. <see cref="EndToEndRate"/> over <see cref="KafkaCeilingRate"/>; goal at least 0.5.</summary>
    public const string EndToEndRatio = "e2e.ceiling_ratio";

    /// <summary>3. Pure domain engine, usage events per CPU-second.</summary>
    public const string DomainEngineRate = "engine.domain.rate";

    /// <summary>3. Grains in one in-process silo with memory storage, usage events per CPU-second; goal 250,000.</summary>
    public const string GrainEngineRate = "engine.grains.rate";

    /// <summary>3. The same grains and events, each user's events in one batch (a backlog pull grouped by key).</summary>
    public const string GrainEngineBacklogRate = "engine.grains.backlog_rate";

    /// <summary>Highest paced input rate held for a step (60 s) with every record's lag to the output topic under 1 s; goal at least 10,000.</summary>
    public const string SustainedRate = "sustained.rate";

    /// <summary>CPU the running pipeline burns with no input at all (silos, broker, sink, and PostgreSQL), in cores.</summary>
    public const string IdleCores = "idle.cores";

    /// <summary>4. Produce-to-output-topic latency at half the sustained rate, median.</summary>
    public const string LatencyP50 = "latency.p50";

    /// <summary>4. Produce-to-output-topic latency at half the sustained rate, 99th percentile; goal at most 250 ms (issue 10).</summary>
    public const string LatencyP99 = "latency.p99";

    /// <summary>5. Merge event until the rows reflect merging a 10,000-member, 1,000,000-usage plan; goal at most 5 s.</summary>
    public const string MergeSeconds = "merge.seconds";

    /// <summary>6. Persisted JSON bytes of a user's state, mean.</summary>
    public const string UserStateBytes = "memory.user_state.bytes";

    /// <summary>6. Persisted JSON bytes of a surviving plan's state, mean.</summary>
    public const string PlanStateBytes = "memory.plan_state.bytes";

    /// <summary>6. Managed heap growth per user after loading every user into the domain engine.</summary>
    public const string HeapPerUser = "memory.heap_per_user.bytes";

    /// <summary>6. Process resident set after loading every user into the domain engine.</summary>
    public const string ProcessRss = "memory.process_rss.bytes";

    /// <summary>6. Peak resident set of the process hosting both silos while they consume the end-to-end backlog.</summary>
    public const string BacklogPeakRss = "memory.backlog_peak_rss.bytes";

    /// <summary>End to end with one of the two silos stopped mid-stream, records per second from the first rows until caught up (start-up left out).</summary>
    public const string KillRate = "kill.catchup_rate";

    /// <summary><see cref="KillRate"/> over the end-to-end run's rate measured the same way; goal at least 0.5.</summary>
    public const string KillRatio = "kill.catchup_ratio";

    /// <summary>End-to-end rate with 10x the users and events over the 1x rate, both from the first rows on; goal within 20% (at least 0.8).</summary>
    public const string ScaleRatio = "scale.rate_ratio";

    /// <summary>Peak resident set of the process hosting both silos while they consume the 10x backlog.</summary>
    public const string ScalePeakRss = "scale.peak_rss.bytes";

    /// <summary>The PostgreSQL sink alone applying output records, records per second (wall).</summary>
    public const string SinkRate = "sink.rate";

    /// <summary>The PostgreSQL sink alone, records per CPU-second of its process and the PostgreSQL server together.</summary>
    public const string SinkCpuRate = "sink.cpu_rate";

    /// <summary>
    /// Issue 12: the end-to-end rate with <c>plan_usage_monthly</c> over the rate without it (the same records, fresh
    /// environments, back to back; start-up left out): 1 costs nothing, 0.9 is 10% slower.
    /// </summary>
    public const string MonthlyCostRatio = "monthly.cost.ratio";

    /// <summary>Every id the full harness prints; goal ratios are printed after their rate as <c>&lt;id&gt;.goal_ratio</c>.</summary>
    public static IReadOnlyList<string> All { get; } =
        [KafkaCeilingRate, EndToEndRate, EndToEndRatio, DomainEngineRate, DomainEngineRate + ".goal_ratio", GrainEngineRate,
         GrainEngineRate + ".goal_ratio", GrainEngineBacklogRate, GrainEngineBacklogRate + ".goal_ratio", LatencyP50, LatencyP99, MergeSeconds, UserStateBytes, PlanStateBytes, HeapPerUser,
         ProcessRss, BacklogPeakRss, SinkRate, SinkCpuRate, SustainedRate, IdleCores, KillRate, KillRatio, ScaleRatio, ScalePeakRss, MonthlyCostRatio];
}
