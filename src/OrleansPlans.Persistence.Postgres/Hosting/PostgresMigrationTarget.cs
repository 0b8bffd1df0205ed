using OrleansPlans.Postgres.Migrations;

namespace OrleansPlans.Persistence.Postgres.Hosting;

/// <summary>A migration set the silo applies to a database at start-up (a null connection string: the registered data source).</summary>
internal sealed record PostgresMigrationTarget(string? ConnectionString, MigrationSet Set);
