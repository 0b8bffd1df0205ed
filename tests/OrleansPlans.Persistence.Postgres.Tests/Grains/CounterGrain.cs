namespace OrleansPlans.Persistence.Postgres.Tests.Grains;

/// <summary>Stores its total in the default grain storage (PostgreSQL in these tests).</summary>
public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> state) : Grain, ICounterGrain, IRemindable
{
    private readonly Guid _activationId = Guid.NewGuid();

    /// <inheritdoc/>
    public async Task<int> AddAsync(int amount)
    {
        state.State.Total += amount;
        await state.WriteStateAsync();
        return state.State.Total;
    }

    /// <inheritdoc/>
    public Task<int> GetAsync() => Task.FromResult(state.State.Total);

    /// <inheritdoc/>
    public Task<Guid> GetActivationIdAsync() => Task.FromResult(_activationId);

    /// <inheritdoc/>
    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task RegisterReminderAsync(string name, TimeSpan period) =>
        this.RegisterOrUpdateReminder(name, period, period);

    /// <inheritdoc/>
    public async Task<bool> HasReminderAsync(string name) => await this.GetReminder(name) is not null;

    /// <inheritdoc/>
    public async Task UnregisterReminderAsync(string name)
    {
        if (await this.GetReminder(name) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <inheritdoc/>
    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
