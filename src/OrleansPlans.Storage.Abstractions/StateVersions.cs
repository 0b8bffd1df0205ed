using System.Globalization;

namespace OrleansPlans.Storage;

/// <summary>
/// How the plan-analytics storages (PostgreSQL and in memory) carry a state's version in Orleans' ETag: the version
/// as invariant text, and no ETag for a state not stored yet (version 0), which a write must find still absent.
/// </summary>
public static class StateVersions
{
    /// <summary>The ETag of <paramref name="version"/>.</summary>
    public static string ToEtag(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>The version an ETag names; 0 for none (nothing stored yet).</summary>
    public static long FromEtag(string? etag) => etag is null ? 0 : long.Parse(etag, CultureInfo.InvariantCulture);
}
