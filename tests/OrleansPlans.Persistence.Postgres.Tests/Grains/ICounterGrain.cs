namespace OrleansPlans.Persistence.Postgres.Tests.Grains;

/// <summary>A persistent counter with a reminder, to exercise grain storage and reminders on PostgreSQL.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds <paramref name="amount"/>, persists, and returns the new total.</summary>
    Task<int> AddAsync(int amount);

    /// <summary>The total as loaded or last written by this activation.</summary>
    Task<int> GetAsync();

    /// <summary>A value made when this activation was created; a new one means the state was re-read from storage.</summary>
    Task<Guid> GetActivationIdAsync();

    /// <summary>Asks the runtime to deactivate this grain once idle.</summary>
    Task DeactivateAsync();

    /// <summary>Registers (or updates) a reminder.</summary>
    Task RegisterReminderAsync(string name, TimeSpan period);

    /// <summary>Whether the reminder table holds the reminder.</summary>
    Task<bool> HasReminderAsync(string name);

    /// <summary>Removes the reminder if present.</summary>
    Task UnregisterReminderAsync(string name);
}
