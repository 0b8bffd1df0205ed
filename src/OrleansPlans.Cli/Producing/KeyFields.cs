using OrleansPlans.Cli.Commands;

namespace OrleansPlans.Cli.Producing;

/// <summary>The values of <c>--key-field</c>.</summary>
internal static class KeyFields
{
    public const string Auto = "auto";
    public const string UserId = "userId";
    public const string SourcePlanId = "sourcePlanId";
    public const string None = "none";

    /// <summary>The JSON field to key by on <paramref name="topic"/>, or null for null keys.</summary>
    public static string? Resolve(string option, string topic) => option switch
    {
        Auto => ContractTopics.KeyFieldOf(topic),
        None => null,
        _ => option,
    };
}
