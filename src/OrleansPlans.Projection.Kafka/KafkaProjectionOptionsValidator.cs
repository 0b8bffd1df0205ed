using Microsoft.Extensions.Options;
using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Projection.Kafka;

/// <summary>Checks <see cref="KafkaProjectionOptions"/> at start-up and reports every problem at once, each naming its option.</summary>
public sealed class KafkaProjectionOptionsValidator : IValidateOptions<KafkaProjectionOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, KafkaProjectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Every problem of <paramref name="options"/>; empty when they are usable.</summary>
    public static IReadOnlyList<string> Problems(KafkaProjectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BootstrapServers) && !options.ClientConfig.ContainsKey("bootstrap.servers"))
        {
            problems.Add("KafkaProjectionOptions.BootstrapServers is required (a comma-separated host:port list).");
        }

        if (options.FlushInterval <= TimeSpan.Zero || options.FlushInterval > TimeSpan.FromMinutes(1))
        {
            problems.Add($"KafkaProjectionOptions.FlushInterval must be greater than zero and at most 1 minute (was {options.FlushInterval}).");
        }

        foreach (var table in OutputTables.All)
        {
            if (!options.Topics.TryGetValue(table, out var topic) || string.IsNullOrWhiteSpace(topic))
            {
                problems.Add($"KafkaProjectionOptions.Topics[\"{table}\"] is required (default \"{OutputTables.DefaultTopic(table)}\").");
            }
        }

        foreach (var table in options.Topics.Keys.Where(t => !OutputTables.All.Contains(t)))
        {
            problems.Add($"KafkaProjectionOptions.Topics[\"{table}\"] names no output table (expected one of {string.Join(", ", OutputTables.All)}).");
        }

        foreach (var duplicate in options.Topics.GroupBy(p => p.Value, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"KafkaProjectionOptions.Topics: topic \"{duplicate.Key}\" is used by several tables ({string.Join(", ", duplicate.Select(p => p.Key))}); each table needs its own compacted topic.");
        }

        foreach (var (key, expected) in KafkaRowSinkProducerConfig.Guarantees)
        {
            if (options.ClientConfig.TryGetValue(key, out var value) && !string.Equals(value, expected, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"KafkaProjectionOptions.ClientConfig[\"{key}\"] must be \"{expected}\" or absent (was \"{value}\"): the projector's delivery guarantee depends on it.");
            }
        }

        return problems;
    }
}
