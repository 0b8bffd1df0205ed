using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Cli.Commands;

/// <summary>The contract's default topic names (CONTRACT.md sections 1 and 3) and the record key each input topic takes.</summary>
internal static class ContractTopics
{
    public const string Membership = "plan-membership";
    public const string Usage = "content-usage";
    public const string Merges = "plan-merges";
    public const string DeadLetters = "dead-letters";

    /// <summary>The output topics, one per table (dead-letters included).</summary>
    public static IReadOnlyList<string> Outputs { get; } = [.. OutputTables.All.Select(OutputTables.DefaultTopic)];

    /// <summary>The JSON field whose value is the record key on an input topic, or null for other topics.</summary>
    public static string? KeyFieldOf(string topic) => topic switch
    {
        Membership or Usage => "userId",
        Merges => "sourcePlanId",
        _ => null,
    };
}
