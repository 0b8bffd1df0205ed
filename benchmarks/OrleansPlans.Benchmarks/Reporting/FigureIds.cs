namespace OrleansPlans.Benchmarks.Reporting;

/// <summary>The ids of the figures the harness prints (every run, smoke or not).</summary>
public static class FigureIds
{
    /// <summary>Pure domain engine, usage events per second.</summary>
    public const string DomainEngineRate = "engine.domain.rate";

    /// <summary>Grains in one in-process silo with memory storage, usage events per second.</summary>
    public const string GrainEngineRate = "engine.grains.rate";

    /// <summary>Persisted JSON bytes of a user's state, mean.</summary>
    public const string UserStateBytes = "memory.user_state.bytes";

    /// <summary>Persisted JSON bytes of a surviving plan's state, mean.</summary>
    public const string PlanStateBytes = "memory.plan_state.bytes";

    /// <summary>Managed heap growth per user after loading every user into the domain engine.</summary>
    public const string HeapPerUser = "memory.heap_per_user.bytes";

    /// <summary>Process resident set after loading every user into the domain engine.</summary>
    public const string ProcessRss = "memory.process_rss.bytes";

    /// <summary>Every id, in print order; goal ratios are printed after their rate as <c>&lt;id&gt;.goal_ratio</c>.</summary>
    public static IReadOnlyList<string> All { get; } =
        [DomainEngineRate, DomainEngineRate + ".goal_ratio", GrainEngineRate, GrainEngineRate + ".goal_ratio",
         UserStateBytes, PlanStateBytes, HeapPerUser, ProcessRss];
}
