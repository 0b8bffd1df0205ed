namespace OrleansPlans.Domain.Operations;

/// <summary>Why an operator request was rejected: the field at fault and a sentence saying what is wrong.</summary>
public readonly record struct FieldError(string Field, string Reason);
