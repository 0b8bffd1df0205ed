namespace OrleansPlans.Api.Responses;

/// <summary>One page of the operator merge requests, newest first (the audit trail).</summary>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">The most requests a page holds.</param>
/// <param name="Total">Requests in all pages.</param>
/// <param name="Items">This page's requests.</param>
public sealed record MergeRequestListResponse(int Page, int PageSize, int Total, IReadOnlyList<MergeRequestResponse> Items);
