using Npgsql;
using OrleansPlans.Sink.Postgres;

namespace OrleansPlans.Dashboard.Analytics;

/// <summary>
/// The <see cref="NpgsqlDataSource"/> the dashboard reads the analytics tables through and the schema they live in. The
/// data source belongs to the container (the host's, or the dashboard's own when given a connection string); the schema
/// name is validated once here and is the only text spliced into SQL.
/// </summary>
internal sealed class AnalyticsDatabase(NpgsqlDataSource dataSource, string schema)
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    /// <summary>The schema as a quoted identifier, e.g. <c>"analytics"</c>.</summary>
    public string Schema { get; } = AnalyticsSchema.Quote(schema);
}
