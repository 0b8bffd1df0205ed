namespace OrleansPlans.Postgres.Migrations;

/// <summary>The migrations that create the Orleans clustering, grain storage and reminder tables.</summary>
public static class OrleansPostgresMigrations
{
    /// <summary>The history key of the Orleans tables in <c>schema_migrations</c>.</summary>
    public const string SetKey = "orleans";

    private static readonly Lazy<MigrationSet> LazySet = new(() => MigrationSet.FromEmbeddedResources(
        SetKey, typeof(OrleansPostgresMigrations).Assembly, "OrleansPlans.Postgres.Migrations.Sql."));

    /// <summary>The Orleans migration set (embedded Sql/*.sql of this assembly).</summary>
    public static MigrationSet Set => LazySet.Value;
}
