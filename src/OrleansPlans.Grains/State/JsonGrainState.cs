namespace OrleansPlans.Grains.State;

/// <summary>
/// Grain state as the domain object's JSON. Serializing synchronously into bytes before each write means a
/// reentrant grain can keep changing its live object while the write is in flight, and makes state size visible.
/// </summary>
[GenerateSerializer]
public sealed class JsonGrainState
{
    /// <summary>The serialized domain object, or null before the first write.</summary>
    [Id(0)]
    public byte[]? Json { get; set; }
}
