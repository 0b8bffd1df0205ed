namespace OrleansPlans.Dashboard.Tests;

/// <summary>The assembly's private PostgreSQL server with one seeded database (<see cref="SeededDatabase"/>) that every test reads.</summary>
public sealed class AnalyticsDatabaseFixture : PostgresServerFixture
{
    /// <summary>The seeded database.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <inheritdoc/>
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        ConnectionString = await CreateDatabaseAsync("dashboard_tests");
        await SeededDatabase.FillAsync(ConnectionString, TestContext.Current.CancellationToken);
    }
}
