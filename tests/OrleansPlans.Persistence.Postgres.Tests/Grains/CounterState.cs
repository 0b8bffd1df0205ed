namespace OrleansPlans.Persistence.Postgres.Tests.Grains;

/// <summary>The persisted state of <see cref="CounterGrain"/>.</summary>
[GenerateSerializer]
public sealed class CounterState
{
    /// <summary>The running total.</summary>
    [Id(0)]
    public int Total { get; set; }
}
