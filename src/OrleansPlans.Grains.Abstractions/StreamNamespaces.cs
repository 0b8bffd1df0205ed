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

    /// <summary>Merge requests, keyed by source plan id.</summary>
    public const string Merges = "plan-merges";
}
