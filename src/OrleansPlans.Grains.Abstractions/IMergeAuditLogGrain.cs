namespace OrleansPlans.Grains;

/// <summary>
/// The order in which operator merge requests were first made (key 0): the index of the audit list. Merges are
/// rare, so one grain holding only request ids suffices. Requests are listed by their own grain on admission.
/// </summary>
public interface IMergeAuditLogGrain : IGrainWithIntegerKey
{
    /// <summary>Page <paramref name="page"/> (from 1) of <paramref name="pageSize"/> request ids, newest first, and the total.</summary>
    Task<MergeAuditPage> GetPageAsync(int page, int pageSize);
}
