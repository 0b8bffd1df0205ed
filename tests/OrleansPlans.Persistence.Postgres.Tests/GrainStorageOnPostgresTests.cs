using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.TestingHost;
using OrleansPlans.Persistence.Postgres.Tests.Grains;

namespace OrleansPlans.Persistence.Postgres.Tests;

[Collection(OrleansOnPostgresCollection.Name)]
public sealed class GrainStorageOnPostgresTests(OrleansOnPostgresFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private TestCluster Cluster => fixture.Cluster;

    private IGrainStorage DefaultStorage => fixture.SiloServices.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);

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
        Assert.Equal(2, await StoredVersionAsync(grain.GetPrimaryKeyString()));
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
    }

    [Fact]
    public async Task a_stale_etag_is_reported_as_an_inconsistent_state_exception()
    {
        var storage = DefaultStorage;
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
        var storage = DefaultStorage;
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
    public async Task delete_on_clear_removes_the_row_and_a_new_first_write_starts_over()
    {
        var storage = fixture.SiloServices.GetRequiredKeyedService<IGrainStorage>(PostgresSiloConfigurator.DeletingStorageName);
        // Not a bare GUID: the provider stores GUID-shaped keys as N0/N1 and only other strings as the extension.
        var key = "deleted-" + Guid.NewGuid();
        var grainId = GrainId.Create("delete-test", key);
        var state = new GrainState<CounterState>(new CounterState { Total = 5 });
        await storage.WriteStateAsync("state", grainId, state);
        Assert.Equal(1, await StoredVersionAsync(key));

        await storage.ClearStateAsync("state", grainId, state);

        Assert.Null(state.ETag);
        Assert.Null(await StoredVersionAsync(key));
        await storage.WriteStateAsync("state", grainId, new GrainState<CounterState>(new CounterState { Total = 6 }));
        Assert.Equal(1, await StoredVersionAsync(key));
    }

    private async Task<int?> StoredVersionAsync(string key)
    {
        await using var command = fixture.Database.CreateCommand("select version from orleans_grain_state where service_id = $1 and grain_id_extension = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = Cluster.Options.ServiceId });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        return (int?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
