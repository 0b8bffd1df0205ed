using OrleansPlans.Domain.Operations;

namespace OrleansPlans.Grains;

/// <summary>
/// One operator merge request and its audit trail, keyed by the client's request id. Only the request is kept here;
/// its outcome is the merge coordinator's decision for the request's merge event id.
/// </summary>
public interface IMergeRequestGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes in a call with this request id: the first creates the request (and lists it in the audit log), the
    /// same plans again is a repeat, other plans a conflict (<see cref="MergeRequestRecord.Admit"/>). Durable on return.
    /// </summary>
    Task<MergeRequestAdmission> AdmitAsync(OperatorMergeRequest request, RequestOrigin origin);

    /// <summary>Records that the merge event was published, or with <paramref name="failure"/> why publishing failed.</summary>
    Task<MergeRequestRecord> RecordPublishAsync(RequestOrigin origin, string? failure);

    /// <summary>The request, or null when no call has used this request id.</summary>
    Task<MergeRequestRecord?> GetAsync();
}
