namespace OrleansPlans.Persistence.Postgres.Tests;

/// <summary>The test classes that share one 2-silo cluster (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class OrleansOnPostgresCollection : ICollectionFixture<OrleansOnPostgresFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Orleans on PostgreSQL";
}
