using Microsoft.Extensions.Options;
using Npgsql;
using OrleansPlans.Sink.Postgres;

namespace OrleansPlans.Host.Postgres;

/// <summary>Section <c>Postgres</c>: a connection string Npgsql can parse, a valid schema name, sensible sizes and ports.</summary>
public sealed class PostgresOptionsValidator : IValidateOptions<PostgresOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PostgresOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var section = name ?? "Postgres";
        var problems = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            }
            catch (ArgumentException error)
            {
                // Npgsql names the offending keyword; the string itself may hold a password, so it is not repeated.
                problems.Add($"{section}:{nameof(options.ConnectionString)} is not a valid connection string: {error.Message}");
            }
        }

        if (!AnalyticsSchema.IsValidSchemaName(options.AnalyticsSchema))
        {
            problems.Add($"{section}:{nameof(options.AnalyticsSchema)} must be a PostgreSQL identifier of lower-case letters, digits and '_' (not starting with a digit).");
        }

        if (options.MaxPoolSize is < 1)
        {
            problems.Add($"{section}:{nameof(options.MaxPoolSize)} must be at least 1 when set.");
        }

        if (options.Port is < 1 or > 65535)
        {
            problems.Add($"{section}:{nameof(options.Port)} must be a port from 1 to 65535.");
        }

        if (string.IsNullOrWhiteSpace(options.Database))
        {
            problems.Add($"{section}:{nameof(options.Database)} must not be empty.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
