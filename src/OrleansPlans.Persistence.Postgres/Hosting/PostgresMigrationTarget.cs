namespace OrleansPlans.Persistence.Postgres.Hosting;

/// <summary>A database whose Orleans tables the silo migrates at start-up (one per distinct connection string).</summary>
internal sealed record PostgresMigrationTarget(string ConnectionString);
