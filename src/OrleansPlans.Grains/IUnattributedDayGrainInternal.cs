using OrleansPlans.Domain.Users;

namespace OrleansPlans.Grains;

/// <summary>The call users make on an unattributed day. Internal: a delta carries the user's sequence number, which only the user grain may assign.</summary>
internal interface IUnattributedDayGrainInternal : IGrainWithStringKey
{
    /// <summary>Applies a user's change.</summary>
    Task ApplyAsync(Immutable<UnattributedDeltaMessage> message);
}
