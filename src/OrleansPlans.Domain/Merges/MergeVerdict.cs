namespace OrleansPlans.Domain.Merges;

/// <summary>What became of a merge request.</summary>
public enum MergeVerdict
{
    /// <summary>The source plan is now merged into the target.</summary>
    Applied,

    /// <summary>The same merge was already applied; nothing changes.</summary>
    NoOp,

    /// <summary>Refused by contract rule 3; dead-lettered with the reason.</summary>
    Refused,
}
