namespace OrleansPlans.Host.Demo;

/// <summary>Options of the demo feed (section <c>Demo</c>).</summary>
public sealed class DemoOptions
{
    /// <summary>Whether to produce the demo data set and print the tables. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Number of demo users. Default 400.</summary>
    public int Users { get; set; } = 400;

    /// <summary>Stop the host once the tables are printed. Default false (keep serving).</summary>
    public bool ExitWhenDone { get; set; }

    /// <summary>How long the tables must stay unchanged to count as settled. Default 1 s.</summary>
    public TimeSpan SettleInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait for the tables to settle before printing anyway. Default 2 minutes.</summary>
    public TimeSpan SettleTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
