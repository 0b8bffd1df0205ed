namespace OrleansPlans.Domain.Operations;

/// <summary>How a request with a given request id was taken in, and the record as it stands after it.</summary>
/// <param name="Outcome"><see cref="Created"/>, <see cref="Repeated"/> or <see cref="Conflict"/>.</param>
/// <param name="Record">The request record (for a conflict, the first request's).</param>
public sealed record MergeRequestAdmission(string Outcome, MergeRequestRecord Record)
{
    /// <summary>The first call with this request id.</summary>
    public const string Created = "created";

    /// <summary>The same request id with the same plans.</summary>
    public const string Repeated = "repeated";

    /// <summary>The same request id with other plans.</summary>
    public const string Conflict = "conflict";

    /// <summary>Whether the caller should publish the merge event: until it has been published once.</summary>
    public bool NeedsPublishing => Outcome != Conflict && !Record.Published;
}
