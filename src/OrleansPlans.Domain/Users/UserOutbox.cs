namespace OrleansPlans.Domain.Users;

/// <summary>Deltas committed and persisted but not yet confirmed delivered.</summary>
public sealed class UserOutbox
{
    /// <summary>Pending plan deltas, in sending order.</summary>
    public List<PlanDeltaMessage> Plans { get; init; } = [];

    /// <summary>Pending unattributed deltas.</summary>
    public List<UnattributedDeltaMessage> Unattributed { get; init; } = [];

    /// <summary>Number of pending messages.</summary>
    public int Count => Plans.Count + Unattributed.Count;

    /// <summary>Forgets all messages (they were delivered).</summary>
    public void Clear()
    {
        Plans.Clear();
        Unattributed.Clear();
    }
}
