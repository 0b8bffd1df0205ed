namespace OrleansPlans.Domain.Tests.Simulation;

/// <summary>A call, write or emit the simulation made fail (a timeout, a dead silo, a storage error).</summary>
internal sealed class SimulatedFault(string where) : Exception($"simulated fault: {where}");
