using Microsoft.Extensions.Options;
using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Input.Kafka;

/// <summary>Section <c>Kafka</c>: topics named and distinct, output topics only for tables that exist, durations positive.</summary>
public sealed class KafkaInputOptionsValidator : IValidateOptions<KafkaInputOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, KafkaInputOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var section = name ?? "Kafka";
        var problems = new List<string>();
        var topics = new[]
        {
            (nameof(options.MembershipTopic), options.MembershipTopic), (nameof(options.UsageTopic), options.UsageTopic),
            (nameof(options.MergesTopic), options.MergesTopic), (nameof(options.DeadLetterTopic), options.DeadLetterTopic),
        };
        foreach (var (setting, topic) in topics.Where(t => string.IsNullOrWhiteSpace(t.Item2)))
        {
            problems.Add($"{section}:{setting} must name a topic.");
        }

        foreach (var clash in topics.Where(t => !string.IsNullOrWhiteSpace(t.Item2)).GroupBy(t => t.Item2, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"{string.Join(" and ", clash.Select(t => $"{section}:{t.Item1}"))} name the same topic; each input and the dead letters need a topic of their own.");
        }

        foreach (var table in options.OutputTopics.Keys.Where(t => !OutputTables.All.Contains(t, StringComparer.Ordinal)))
        {
            // A typo here would silently leave the table on its default topic.
            problems.Add($"{section}:OutputTopics:{table} is not a table; the tables are {string.Join(", ", OutputTables.All)}.");
        }

        if (string.IsNullOrWhiteSpace(options.ConsumerGroupId))
        {
            problems.Add($"{section}:{nameof(options.ConsumerGroupId)} must not be empty (it names this deployment's reading position).");
        }

        if (string.IsNullOrWhiteSpace(options.CheckpointStorageName))
        {
            problems.Add($"{section}:{nameof(options.CheckpointStorageName)} must name a grain storage.");
        }

        if (options.MaxEventDeliveryTime <= TimeSpan.Zero)
        {
            problems.Add($"{section}:{nameof(options.MaxEventDeliveryTime)} must be positive (e.g. 00:10:00).");
        }

        if (options.DevBrokerPartitions is < 1 or > 1000)
        {
            problems.Add($"{section}:{nameof(options.DevBrokerPartitions)} must be from 1 to 1000.");
        }

        if (options.DevBrokerOutputPartitions is < 1 or > 1000)
        {
            problems.Add($"{section}:{nameof(options.DevBrokerOutputPartitions)} must be from 1 to 1000.");
        }

        if (options.DevBrokerBasePort is < 1 or > 65535)
        {
            problems.Add($"{section}:{nameof(options.DevBrokerBasePort)} must be a port from 1 to 65535.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
