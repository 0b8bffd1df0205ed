namespace OrleansPlans.Domain.Tests.Simulation;

/// <summary>How a simulation run ended: its differences from the oracle (empty when exact) and what happened on the way.</summary>
internal sealed record SimulationOutcome(string Differences, SimulationCounts Counts)
{
    public bool Exact => Differences.Length == 0;
}
