using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OrleansPlans.Postgres.Migrations;

namespace OrleansPlans.Sink.Postgres;

/// <summary>
/// The analytics schema as versioned migrations (<c>Schema/Sql/NNNN_name.sql</c>): the contract's tables,
/// <c>sink_offsets</c>, indexes and the analyst views <c>plan_top_content</c> and <c>plan_merge_history</c>
/// (<c>plan_usage_monthly</c> was a view until migration 0004 made it a replicated table: contract 1.1).
/// </summary>
public static partial class AnalyticsSchema
{
    /// <summary>The default schema name: <c>analytics</c>.</summary>
    public const string DefaultSchema = "analytics";

    /// <summary>The migration history key of the default schema; other schemas use <c>analytics:{schema}</c>.</summary>
    public const string HistoryKey = "analytics";

    private const string Placeholder = "__schema__";
    private const string ResourcePrefix = "OrleansPlans.Sink.Postgres.Schema.Sql.";

    /// <summary>
    /// True for a schema name the sink accepts: 1 to 63 characters of lower-case ASCII letters, digits and '_',
    /// not starting with a digit (so it never needs quoting and cannot inject SQL).
    /// </summary>
    public static bool IsValidSchemaName(string? schema) => schema is not null && SchemaName().IsMatch(schema);

    /// <summary>The migration set of <paramref name="schema"/>, each script with the schema name filled in.</summary>
    /// <exception cref="ArgumentException">The schema name is not valid (see <see cref="IsValidSchemaName"/>).</exception>
    public static MigrationSet Migrations(string schema = DefaultSchema)
    {
        var quoted = Quote(schema);
        var scripts = MigrationSet.FromEmbeddedResources(HistoryKey, typeof(AnalyticsSchema).Assembly, ResourcePrefix);
        var key = schema == DefaultSchema ? HistoryKey : $"{HistoryKey}:{schema}";
        return new MigrationSet(key, scripts.Migrations.Select(m => m with { Sql = m.Sql.Replace(Placeholder, quoted, StringComparison.Ordinal) }));
    }

    /// <summary>Applies the pending analytics migrations of <paramref name="schema"/>; a no-op when up to date.</summary>
    public static Task<MigrationReport> MigrateAsync(NpgsqlDataSource dataSource, string schema = DefaultSchema, ILogger? logger = null, CancellationToken cancellationToken = default) =>
        PostgresMigrator.ApplyAsync(dataSource, Migrations(schema), logger ?? NullLogger.Instance, cancellationToken);

    /// <summary>The schema name as a quoted SQL identifier, after validating it.</summary>
    /// <exception cref="ArgumentException">The schema name is not valid.</exception>
    public static string Quote(string schema)
    {
        if (!IsValidSchemaName(schema))
        {
            throw new ArgumentException(
                $"Schema name '{schema}' is not accepted: use 1 to 63 lower-case letters, digits or '_', not starting with a digit.", nameof(schema));
        }

        return $"\"{schema}\"";
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
