namespace OrleansPlans.Operations.Versions;

/// <summary>Which version the serving schema (the one analysts query, <c>analytics</c> by default) shows now.</summary>
/// <param name="ServingSchema">The schema analysts query.</param>
/// <param name="Version">The serving version; null when the serving schema does not exist yet.</param>
/// <param name="HoldsTables">
/// True while the base version's tables are in the serving schema itself (no switch yet); false once it holds only
/// views onto a version's own schema.
/// </param>
public sealed record ServingState(string ServingSchema, PipelineVersion? Version, bool HoldsTables)
{
    /// <summary>The schema <paramref name="version"/>'s sink writes: the serving schema for the base version before its first switch, else <c>{schema}_{version}</c>.</summary>
    public string DataSchemaOf(PipelineVersion version) =>
        version.IsBase && HoldsTables ? ServingSchema : version.RetiredSchema(ServingSchema);

    /// <summary>Whether <paramref name="version"/> is the one analysts see now.</summary>
    public bool Serves(PipelineVersion version) => Version == version;
}
