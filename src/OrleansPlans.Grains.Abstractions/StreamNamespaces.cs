namespace OrleansPlans.Grains;

/// <summary>
/// Stream namespaces of the input topics. Grains subscribe to these implicitly; a stream provider maps each
/// configured topic name onto one of them, so topic names stay configurable while subscriptions are fixed.
/// </summary>
public static class StreamNamespaces
{
    /// <summary>Membership events, keyed by user id.</summary>
    public const string Membership = "plan-membership";

    /// <summary>Usage events, keyed by user id.</summary>
    public const string Usage = "content-usage";

    /// <summary>Merge requests, keyed by source plan id (or all on <see cref="AllMergesKey"/>).</summary>
    public const string Merges = "plan-merges";

    /// <summary>
    /// The one stream key a provider may put every merge on, so that merges reach the coordinator in topic order:
    /// of two conflicting merges the second is refused, and only one stream guarantees which one that is.
    /// </summary>
    public const string AllMergesKey = "all-merges";
}
