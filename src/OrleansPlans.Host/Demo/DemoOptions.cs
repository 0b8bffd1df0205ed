namespace OrleansPlans.Host.Demo;

/// <summary>Options of the demo feed (section <c>Demo</c>).</summary>
public sealed class DemoOptions
{
    /// <summary>Number of demo users. Default 400.</summary>
    public int Users { get; set; } = 400;

    /// <summary>Stop the host once the tables are printed. Default false (keep serving).</summary>
    public bool ExitWhenDone { get; set; }

    /// <summary>How long the tables must stay unchanged to count as settled. Default 500 ms.</summary>
    public TimeSpan SettleInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}
