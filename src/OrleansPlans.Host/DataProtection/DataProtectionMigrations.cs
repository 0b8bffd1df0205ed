using OrleansPlans.Postgres.Migrations;

namespace OrleansPlans.Host.DataProtection;

/// <summary>The migrations of the shared data-protection key ring (embedded DataProtection/Sql/*.sql of the host).</summary>
public static class DataProtectionMigrations
{
    /// <summary>The history key of the key ring's table in <c>schema_migrations</c>.</summary>
    public const string SetKey = "data-protection";

    private static readonly Lazy<MigrationSet> LazySet = new(() => MigrationSet.FromEmbeddedResources(
        SetKey, typeof(DataProtectionMigrations).Assembly, "OrleansPlans.Host.DataProtection.Sql."));

    /// <summary>The set.</summary>
    public static MigrationSet Set => LazySet.Value;
}
