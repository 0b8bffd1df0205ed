namespace OrleansPlans.Domain.Tests.Simulation;

/// <summary>What a silo needs to know of an activation it hosts.</summary>
internal interface ISimulatedActivation
{
    bool Alive { get; }

    string Name { get; }

    void Kill();
}
