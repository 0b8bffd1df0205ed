using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.TestingHost;
using OrleansPlans.Persistence.Postgres.Tests.Grains;

namespace OrleansPlans.Persistence.Postgres.Tests;

public sealed class OrleansOnPostgresTests(OrleansOnPostgresFixture fixture) : IClassFixture<OrleansOnPostgresFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private TestCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task membership_rows_show_both_silos_active()
    {
        var active = await Eventually.ValueAsync(
            () => ActiveSiloCountAsync(),
            count => count == 2,
            Deadline,
            "two active silos in orleans_membership");

        Assert.Equal(2, active);
    }

    [Fact]
    public async Task grain_state_survives_deactivation_and_is_read_back_from_postgres()
    {
        var grain = Cluster.GrainFactory.GetGrain<ICounterGrain>("deactivated-" + Guid.NewGuid());
        await grain.AddAsync(3);
        Assert.Equal(10, await grain.AddAsync(7));
        var firstActivation = await grain.GetActivationIdAsync();

        await grain.DeactivateAsync();
        var secondActivation = await Eventually.ValueAsync(grain.GetActivationIdAsync, id => id != firstActivation, Deadline, "a new activation");

        Assert.NotEqual(firstActivation, secondActivation);
        Assert.Equal(10, await grain.GetAsync());
        Assert.Equal(2, await StoredVersionAsync(grain));
    }

    [Fact]
    public async Task grain_state_survives_restarting_every_silo()
    {
        var key = "restarted-" + Guid.NewGuid();
        Assert.Equal(42, await Cluster.GrainFactory.GetGrain<ICounterGrain>(key).AddAsync(42));

        foreach (var silo in Cluster.Silos.ToArray())
        {
            await Cluster.RestartSiloAsync(silo);
        }

        var total = await Eventually.ValueAsync(
            () => Cluster.GrainFactory.GetGrain<ICounterGrain>(key).GetAsync(), _ => true, Deadline, "the grain answering after the restart");
        Assert.Equal(42, total);
        await Eventually.ValueAsync(() => ActiveSiloCountAsync(), count => count == 2, Deadline, "two active silos after the restart");
    }

    [Fact]
    public async Task a_stale_etag_is_reported_as_an_inconsistent_state_exception()
    {
        var storage = Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        var grainId = GrainId.Create("conflict-test", Guid.NewGuid().ToString("N"));
        const string stateName = "state";

        var writer = new GrainState<CounterState>(new CounterState { Total = 1 });
        await storage.WriteStateAsync(stateName, grainId, writer);
        Assert.Equal("1", writer.ETag);

        // A second writer that never saw the row (ETag null) and one holding an old version both lose.
        var blind = new GrainState<CounterState>(new CounterState { Total = 2 });
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(stateName, grainId, blind));

        var stale = new GrainState<CounterState>(new CounterState { Total = 3 });
        await storage.ReadStateAsync(stateName, grainId, stale);
        writer.State!.Total = 4;
        await storage.WriteStateAsync(stateName, grainId, writer);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(stateName, grainId, stale));

        var reader = new GrainState<CounterState>();
        await storage.ReadStateAsync(stateName, grainId, reader);
        Assert.Equal((4, "2", true), (reader.State!.Total, reader.ETag, reader.RecordExists));
    }

    [Fact]
    public async Task clearing_state_keeps_the_version_so_later_writes_still_check_it()
    {
        var storage = Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        var grainId = GrainId.Create("clear-test", Guid.NewGuid().ToString("N"));
        var state = new GrainState<CounterState>(new CounterState { Total = 5 });
        await storage.WriteStateAsync("state", grainId, state);

        await storage.ClearStateAsync("state", grainId, state);
        var reader = new GrainState<CounterState>();
        await storage.ReadStateAsync("state", grainId, reader);

        Assert.Equal((0, "2", false), (reader.State!.Total, reader.ETag, reader.RecordExists));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("state", grainId, new GrainState<CounterState>(new CounterState())));
        await storage.WriteStateAsync("state", grainId, reader);
        Assert.Equal("3", reader.ETag);
    }

    [Fact]
    public async Task a_reminder_registers_is_read_back_and_unregisters()
    {
        var grain = Cluster.GrainFactory.GetGrain<ICounterGrain>("reminded-" + Guid.NewGuid());

        await grain.RegisterReminderAsync("tick", TimeSpan.FromMinutes(5));

        Assert.True(await grain.HasReminderAsync("tick"));
        Assert.Equal(300_000L, await ReminderPeriodAsync(grain, "tick"));

        await grain.UnregisterReminderAsync("tick");

        Assert.False(await grain.HasReminderAsync("tick"));
        Assert.Null(await ReminderPeriodAsync(grain, "tick"));
    }

    private async Task<int> ActiveSiloCountAsync()
    {
        await using var command = fixture.Database.CreateCommand("select count(*)::int from orleans_membership where deployment_id = $1 and status = 3");
        command.Parameters.Add(new NpgsqlParameter { Value = Cluster.Options.ClusterId });
        return (int)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private async Task<int?> StoredVersionAsync(ICounterGrain grain)
    {
        await using var command = fixture.Database.CreateCommand("select version from orleans_grain_state where service_id = $1 and grain_id_extension = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = Cluster.Options.ServiceId });
        command.Parameters.Add(new NpgsqlParameter { Value = grain.GetPrimaryKeyString() });
        return (int?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    private async Task<long?> ReminderPeriodAsync(ICounterGrain grain, string name)
    {
        await using var command = fixture.Database.CreateCommand("select period_ms from orleans_reminder where service_id = $1 and grain_id = $2 and reminder_name = $3");
        command.Parameters.Add(new NpgsqlParameter { Value = Cluster.Options.ServiceId });
        command.Parameters.Add(new NpgsqlParameter { Value = grain.GetGrainId().ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        return (long?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
