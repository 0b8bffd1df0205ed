namespace OrleansPlans.Grains.Hosting;

/// <summary>How the reentrant aggregate grains (plans, unattributed days) group their state writes.</summary>
public sealed class GroupCommitOptions
{
    /// <summary>The longest <see cref="WriteSpacing"/> accepted: callers wait up to this long for a durable write.</summary>
    public static readonly TimeSpan MaxWriteSpacing = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Shortest time between the starts of two state writes of one grain (default 20 ms). A grain that wrote less than
    /// this long ago waits out the rest, so the changes of every call arriving meanwhile share one write of its whole
    /// state (a plan's is tens of kilobytes); an idle grain writes at once. Zero writes back to back. At most
    /// <see cref="MaxWriteSpacing"/>.
    /// </summary>
    public TimeSpan WriteSpacing { get; set; } = TimeSpan.FromMilliseconds(20);
}
