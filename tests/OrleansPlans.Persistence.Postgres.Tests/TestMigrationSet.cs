using OrleansPlans.Postgres.Migrations;

namespace OrleansPlans.Persistence.Postgres.Tests;

/// <summary>The test assembly's own migration set (TestMigrations/*.sql), standing in for e.g. analytics tables.</summary>
internal static class TestMigrationSet
{
    public const string Key = "test_analytics";

    public static MigrationSet Instance { get; } = MigrationSet.FromEmbeddedResources(
        Key, typeof(TestMigrationSet).Assembly, "OrleansPlans.Persistence.Postgres.Tests.TestMigrations.");
}
