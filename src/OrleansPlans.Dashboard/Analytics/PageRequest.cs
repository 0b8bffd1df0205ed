namespace OrleansPlans.Dashboard.Analytics;

/// <summary>A checked page request: <see cref="Page"/> from 1, <see cref="PageSize"/> rows per page.</summary>
internal readonly record struct PageRequest(int Page, int PageSize)
{
    /// <summary>Rows before this page; a long, since page × size may pass <see cref="int.MaxValue"/>.</summary>
    public long Offset => (long)(Page - 1) * PageSize;
}
