namespace OrleansPlans.Grains;

/// <summary>
/// The order in which operator merge requests were first made (key 0): the index of the audit list. Merges are
/// rare, so one grain holding only request ids suffices.
/// </summary>
public interface IMergeAuditLogGrain : IGrainWithIntegerKey
{
    /// <summary>Lists <paramref name="requestId"/> as the newest request, unless it is already listed.</summary>
    Task AppendAsync(string requestId);

    /// <summary>Page <paramref name="page"/> (from 1) of <paramref name="pageSize"/> request ids, newest first, and the total.</summary>
    Task<MergeAuditPage> GetPageAsync(int page, int pageSize);
}
