namespace OrleansPlans.Domain.Operations;

/// <summary>
/// The order in which operator merge requests were first made, for the audit list (newest first). Holds only ids:
/// each request's details live with the request. Merges are rare, so one list suffices.
/// </summary>
public sealed class MergeAuditLog
{
    private HashSet<string>? _index;

    /// <summary>Request ids, oldest first.</summary>
    public List<string> RequestIds { get; init; } = [];

    /// <summary>Appends <paramref name="requestId"/> unless it is already listed; returns whether it was added.</summary>
    public bool Append(string requestId)
    {
        _index ??= new HashSet<string>(RequestIds, StringComparer.Ordinal);
        if (!_index.Add(requestId))
        {
            return false;
        }

        RequestIds.Add(requestId);
        return true;
    }

    /// <summary>Page <paramref name="page"/> (from 1) of <paramref name="pageSize"/> request ids, newest first.</summary>
    public IReadOnlyList<string> Page(int page, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var skip = (long)(page - 1) * pageSize;
        if (skip >= RequestIds.Count)
        {
            return [];
        }

        var newest = RequestIds.Count - 1 - (int)skip;
        var count = Math.Min(pageSize, newest + 1);
        var result = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            result.Add(RequestIds[newest - i]);
        }

        return result;
    }
}
