namespace OrleansPlans.Domain.Operations;

/// <summary>One thing that happened to an operator merge request.</summary>
/// <param name="Action">One of the <see cref="MergeRequestActions"/>.</param>
/// <param name="Origin">Who did it, when and from where.</param>
/// <param name="Detail">What else is worth knowing (a conflict's plans, a publish failure's reason); null otherwise.</param>
public sealed record MergeRequestAuditEntry(string Action, RequestOrigin Origin, string? Detail);
