namespace OrleansPlans.Postgres.Migrations;

/// <summary>What one <c>PostgresMigrator.ApplyAsync</c> call did.</summary>
/// <param name="SetKey">The migration set's history key.</param>
/// <param name="Applied">The migrations this call applied, in order; empty when the schema was up to date.</param>
/// <param name="CurrentVersion">The highest applied version after the call (0 when the set is empty).</param>
public sealed record MigrationReport(string SetKey, IReadOnlyList<Migration> Applied, int CurrentVersion);
