namespace OrleansPlans.Operations.Versions;

/// <summary>What <see cref="VersionDrop.DropAsync"/> removed.</summary>
/// <param name="Schema">The dropped analytics schema (null when it did not exist).</param>
/// <param name="GrainStates">Grain state rows deleted from the group-commit storage (parts not counted).</param>
/// <param name="SiloRows">Membership rows of the version's Orleans cluster deleted.</param>
public sealed record VersionDropReport(string? Schema, long GrainStates, long SiloRows);
