using Microsoft.Extensions.Options;
using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Sink.Postgres;

/// <summary>Checks <see cref="PostgresSinkOptions"/> at start-up and reports every problem at once, each naming its option.</summary>
public sealed class PostgresSinkOptionsValidator : IValidateOptions<PostgresSinkOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PostgresSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Every problem of <paramref name="options"/> (the connection string is not checked: it may come as a data source).</summary>
    public static IReadOnlyList<string> Problems(PostgresSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (!AnalyticsSchema.IsValidSchemaName(options.Schema))
        {
            problems.Add($"PostgresSinkOptions.Schema '{options.Schema}' must be 1 to 63 lower-case letters, digits or '_', not starting with a digit.");
        }

        if (string.IsNullOrWhiteSpace(options.BootstrapServers) && !options.ClientConfig.ContainsKey("bootstrap.servers"))
        {
            problems.Add("PostgresSinkOptions.BootstrapServers is required (a comma-separated host:port list).");
        }

        if (string.IsNullOrWhiteSpace(options.ConsumerGroupId))
        {
            problems.Add("PostgresSinkOptions.ConsumerGroupId is required (it names this replica's rows in sink_offsets).");
        }

        foreach (var table in OutputTables.All)
        {
            if (!options.Topics.TryGetValue(table, out var topic) || string.IsNullOrWhiteSpace(topic))
            {
                problems.Add($"PostgresSinkOptions.Topics[\"{table}\"] is required (default \"{OutputTables.DefaultTopic(table)}\").");
            }
        }

        foreach (var table in options.Topics.Keys.Where(t => !OutputTables.All.Contains(t)))
        {
            problems.Add($"PostgresSinkOptions.Topics[\"{table}\"] names no output table.");
        }

        foreach (var duplicate in options.Topics.GroupBy(p => p.Value, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"PostgresSinkOptions.Topics: topic \"{duplicate.Key}\" is used by several tables ({string.Join(", ", duplicate.Select(p => p.Key))}).");
        }

        if (options.BatchSize is < 1 or > 1_000_000)
        {
            problems.Add($"PostgresSinkOptions.BatchSize must be from 1 to 1,000,000 (was {options.BatchSize}).");
        }

        Positive(problems, nameof(options.PollTimeout), options.PollTimeout);
        Positive(problems, nameof(options.RetryDelay), options.RetryDelay);
        Positive(problems, nameof(options.PartitionRefreshInterval), options.PartitionRefreshInterval);
        Positive(problems, nameof(options.MetadataTimeout), options.MetadataTimeout);
        return problems;
    }

    private static void Positive(List<string> problems, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"PostgresSinkOptions.{name} must be greater than zero (was {value}).");
        }
    }
}
