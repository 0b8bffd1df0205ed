using Npgsql;

namespace OrleansPlans.Dashboard.Analytics;

/// <summary>
/// The SQL behind the analytics endpoints: parameterized queries over the replicated tables and views, one query per
/// file (<c>AnalyticsQueries.*.cs</c>). Ordering is by <c>collate "C"</c>, so paging is stable whatever the database's collation.
/// </summary>
internal sealed partial class AnalyticsQueries(AnalyticsDatabase database)
{
    private string S => database.Schema;

    /// <summary>The <c>plans</c> row of <paramref name="planId"/>, or null when no valid event named it.</summary>
    public async Task<PlanRecord?> FindPlanAsync(string planId, CancellationToken cancellationToken)
    {
        var rows = await ListAsync(
            $"select plan_id, status, merged_into, member_count from {S}.plans where plan_id = @plan_id",
            r => new PlanRecord(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt64(3)),
            cancellationToken, SqlParameters.Text("plan_id", planId));
        return rows.Count == 0 ? null : rows[0];
    }

    private async Task<List<T>> ListAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private async Task<long> CountAsync(string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        return (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }
}
