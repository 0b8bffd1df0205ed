namespace OrleansPlans.Benchmarks.Workload;

/// <summary>One input record as an external producer writes it: topic, key (the user id) and contract JSON value.</summary>
public sealed record ContractRecord(string Topic, string Key, byte[] Value);
