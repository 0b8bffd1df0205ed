namespace OrleansPlans.Persistence.Postgres.Storage;

/// <summary>A grain state's row key: the state name and the grain id as text.</summary>
internal readonly record struct StateKey(string StateName, string GrainId);
