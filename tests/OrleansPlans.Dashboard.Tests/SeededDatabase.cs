using Npgsql;
using OrleansPlans.Sink.Postgres;

namespace OrleansPlans.Dashboard.Tests;

/// <summary>
/// Fills a database the way the dashboard reads it: the analytics schema <see cref="Seed.Schema"/> (not the default, so
/// the schema setting is exercised) migrated by the sink's own migrations, then <see cref="Seed.Sql"/>.
/// </summary>
internal static class SeededDatabase
{
    public static async Task FillAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await AnalyticsSchema.MigrateAsync(dataSource, Seed.Schema, cancellationToken: cancellationToken);
        await using var insert = dataSource.CreateCommand(Seed.Sql(AnalyticsSchema.Quote(Seed.Schema)));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}
