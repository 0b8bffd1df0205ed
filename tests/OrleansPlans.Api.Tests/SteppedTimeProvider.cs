namespace OrleansPlans.Api.Tests;

/// <summary>A clock that stands still until a test moves it.</summary>
internal sealed class SteppedTimeProvider(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
