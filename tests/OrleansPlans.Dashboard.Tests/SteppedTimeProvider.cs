namespace OrleansPlans.Dashboard.Tests;

/// <summary>A clock that stands still until a test moves it (to age the status snapshot the dashboard serves again).</summary>
internal sealed class SteppedTimeProvider(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
