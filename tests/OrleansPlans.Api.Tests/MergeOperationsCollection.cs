namespace OrleansPlans.Api.Tests;

/// <summary>Test classes that create operator merge requests run one after another: they share the audit list.</summary>
[CollectionDefinition(Name)]
public sealed class MergeOperationsCollection
{
    public const string Name = "merge-operations";
}
