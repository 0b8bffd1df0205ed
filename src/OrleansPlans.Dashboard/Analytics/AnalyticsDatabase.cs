using Npgsql;
using OrleansPlans.Sink.Postgres;

namespace OrleansPlans.Dashboard.Analytics;

/// <summary>
/// The dashboard's one <see cref="NpgsqlDataSource"/> over the analytics tables and the schema they live in. Owned by
/// the container (disposed with it); the schema name is validated once here and is the only text spliced into SQL.
/// </summary>
internal sealed class AnalyticsDatabase(NpgsqlDataSource dataSource, string schema) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    /// <summary>The schema as a quoted identifier, e.g. <c>"analytics"</c>.</summary>
    public string Schema { get; } = AnalyticsSchema.Quote(schema);

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
