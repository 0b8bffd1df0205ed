using OrleansPlans.Domain.Rows;
using OrleansPlans.Domain.Users;

namespace OrleansPlans.Grains;

/// <summary>Unattributed usage of one UTC day. Keyed by the day as <c>yyyy-MM-dd</c>.</summary>
public interface IUnattributedDayGrain : IGrainWithStringKey
{
    /// <summary>Applies a user's change.</summary>
    Task ApplyAsync(Immutable<UnattributedDeltaMessage> message);

    /// <summary>The day's row, or null.</summary>
    Task<UnattributedUsageDailyRow?> GetRowAsync();
}
