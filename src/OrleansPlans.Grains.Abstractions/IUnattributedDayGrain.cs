using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Grains;

/// <summary>
/// Unattributed usage of one UTC day, as services read it. Keyed by the day as <c>yyyy-MM-dd</c>. Users' changes reach
/// it through calls between grains only.
/// </summary>
public interface IUnattributedDayGrain : IGrainWithStringKey
{
    /// <summary>The day's row, or null.</summary>
    Task<UnattributedUsageDailyRow?> GetRowAsync();
}
