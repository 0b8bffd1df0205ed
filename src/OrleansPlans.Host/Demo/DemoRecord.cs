using OrleansPlans.Domain.Events;

namespace OrleansPlans.Host.Demo;

/// <summary>One demo input record, as a producer would write it to a contract topic.</summary>
public sealed record DemoRecord(InputTopic Topic, string Key, byte[] Value);
