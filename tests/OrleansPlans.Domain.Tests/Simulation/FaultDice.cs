namespace OrleansPlans.Domain.Tests.Simulation;

/// <summary>Seeded fault decisions, so a failing seed replays exactly. Off while the simulation settles.</summary>
internal sealed class FaultDice(int seed, double rate)
{
    private readonly Random _random = new(seed);

    public bool Enabled { get; set; } = true;

    public int Faults { get; private set; }

    /// <summary>True when a fault should happen here (and counts it).</summary>
    public bool Roll(double scale = 1)
    {
        if (!Enabled || _random.NextDouble() >= rate * scale)
        {
            return false;
        }

        Faults++;
        return true;
    }

    public int Next(int maxExclusive) => _random.Next(maxExclusive);
}
