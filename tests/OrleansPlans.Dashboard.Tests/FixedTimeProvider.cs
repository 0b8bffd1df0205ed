namespace OrleansPlans.Dashboard.Tests;

/// <summary>A clock stopped at one instant, so "the last 30 days" means the same days in every run.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
