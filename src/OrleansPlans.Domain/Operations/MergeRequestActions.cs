namespace OrleansPlans.Domain.Operations;

/// <summary>The actions recorded in a merge request's audit trail.</summary>
public static class MergeRequestActions
{
    /// <summary>The first call with this request id.</summary>
    public const string Requested = "requested";

    /// <summary>The same request again (same plans).</summary>
    public const string Repeated = "repeated";

    /// <summary>The same request id with other plans: refused with 409.</summary>
    public const string Conflict = "conflict";

    /// <summary>The merge event was handed to the <c>plan-merges</c> topic.</summary>
    public const string Published = "published";

    /// <summary>Publishing failed; a retry with the same request id publishes again.</summary>
    public const string PublishFailed = "publish_failed";
}
