namespace OrleansPlans.Dashboard.Responses;

/// <summary>One page of a list.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">The most items a page holds.</param>
/// <param name="Total">Items in all pages.</param>
/// <param name="Items">This page's items.</param>
public sealed record PagedResponse<T>(int Page, int PageSize, long Total, IReadOnlyList<T> Items);
