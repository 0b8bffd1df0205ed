using Npgsql;
using Orleans.Runtime;
using Orleans.Storage;
using OrleansPlans.Persistence.Postgres.Storage;
using OrleansPlans.Persistence.Postgres.Tests.Grains;
using OrleansPlans.Postgres.Migrations;
using OrleansPlans.Storage;

namespace OrleansPlans.Persistence.Postgres.Tests;

/// <summary>The group-commit grain storage against a real PostgreSQL: each test its own database.</summary>
public sealed class GroupCommitStorageTests(PostgresServerFixture server) : IAsyncLifetime
{
    private NpgsqlDataSource _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("group_commit"));
        await PostgresMigrator.ApplyAsync(_database, OrleansPostgresMigrations.Set, cancellationToken: TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task a_state_is_read_back_as_written_with_its_version_as_etag()
    {
        await using var store = Store(concurrency: 2);
        var storage = new GroupCommitGrainStorage(store, new CounterSerializer());
        var grainId = GrainId.Create("counter", "a");

        var missing = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync("state", grainId, missing);
        Assert.Equal((false, (string?)null), (missing.RecordExists, missing.ETag));

        var writer = new GrainState<CounterState>(new CounterState { Total = 5 });
        await storage.WriteStateAsync("state", grainId, writer);
        writer.State!.Total = 8;
        await storage.WriteStateAsync("state", grainId, writer);

        var reader = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync("state", grainId, reader);
        Assert.Equal((8, "2", true), (reader.State!.Total, reader.ETag, reader.RecordExists));

        await storage.ClearStateAsync("state", grainId, reader);
        var cleared = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync("state", grainId, cleared);
        Assert.False(cleared.RecordExists);
    }

    [Fact]
    public async Task two_versions_of_a_pipeline_keep_the_same_grain_apart_by_namespace()
    {
        await using var store = Store(concurrency: 2);
        var serving = new GroupCommitGrainStorage(store, new CounterSerializer());
        var reprocessing = new GroupCommitGrainStorage(store, new CounterSerializer(), new GroupCommitStorageOptions { Namespace = "v2" });
        var grainId = GrainId.Create("counter", "shared");

        await serving.WriteStateAsync("state", grainId, new GrainState<CounterState>(new CounterState { Total = 5 }));
        var fresh = new GrainState<CounterState>(new CounterState());
        await reprocessing.ReadStateAsync("state", grainId, fresh);
        Assert.False(fresh.RecordExists);

        await reprocessing.WriteStateAsync("state", grainId, new GrainState<CounterState>(new CounterState { Total = 9 }));
        var servingState = new GrainState<CounterState>(new CounterState());
        await serving.ReadStateAsync("state", grainId, servingState);
        Assert.Equal((5, "1"), (servingState.State!.Total, servingState.ETag));

        await using var names = _database.CreateCommand("select state_name from grain_state order by state_name");
        await using var reader = await names.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var stored = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            stored.Add(reader.GetString(0));
        }

        Assert.Equal(["state", "v2/state"], stored);
    }

    [Fact]
    public async Task writes_waiting_together_share_one_round_trip_and_a_lost_race_fails_only_its_own_grain()
    {
        await using var store = Store(concurrency: 1);
        var ahead = await store.Writes.RunAsync(new StateWrite(Key("ahead"), 0, [1]));
        Assert.Equal(1, ahead);
        Assert.Equal(1, await store.Writes.RunAsync(new StateWrite(Key("gate"), 0, [1])));
        await store.Writes.RunAsync(new StateWrite(Key("ahead"), 1, [2])); // now at version 2

        // Hold the gate grain's row, so the round trip writing it waits while the next writes queue behind it.
        await using var blocker = await _database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var transaction = await blocker.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await using (var lockRow = new NpgsqlCommand("select 1 from grain_state where grain_id = 'gate' for update", blocker, transaction))
        {
            await lockRow.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        }

        var tripsBefore = store.Writes.RoundTrips;
        var gate = store.Writes.RunAsync(new StateWrite(Key("gate"), 1, [2]));
        await Eventually.ValueAsync(() => Task.FromResult(store.Writes.RoundTrips), trips => trips > tripsBefore, TimeSpan.FromSeconds(30), "the gate's round trip");
        var fresh = Enumerable.Range(0, 50).Select(i => store.Writes.RunAsync(new StateWrite(Key($"fresh-{i}"), 0, [(byte)i]))).ToList();
        var stale = store.Writes.RunAsync(new StateWrite(Key("ahead"), 1, [9]));
        await transaction.CommitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, await gate);
        Assert.All(await Task.WhenAll(fresh), version => Assert.Equal(1, version));
        await Assert.ThrowsAsync<InconsistentStateException>(() => stale);
        Assert.Equal(tripsBefore + 2, store.Writes.RoundTrips);
        Assert.Equal([2], (await store.Reads.RunAsync(Key("ahead"))).Payload!);
        Assert.Equal([7], (await store.Reads.RunAsync(Key("fresh-7"))).Payload!);
    }

    [Fact]
    public async Task a_write_arriving_within_the_window_shares_the_waiting_round_trip()
    {
        // One round trip at a time: without the window the first write would be sent alone, before the second arrives.
        await using var store = new GroupCommitStateStore(_database, new GroupCommitStorageOptions { MaxConcurrentRoundTrips = 1, WriteWindow = TimeSpan.FromSeconds(2) });

        var first = store.Writes.RunAsync(new StateWrite(Key("window-first"), 0, [1]));
        await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        var second = store.Writes.RunAsync(new StateWrite(Key("window-second"), 0, [2]));

        var versions = await Task.WhenAll(first, second);
        Assert.Equal(new long[] { 1, 1 }, versions);
        Assert.Equal(1, store.Writes.RoundTrips);
        Assert.Equal([2], (await store.Reads.RunAsync(Key("window-second"))).Payload!);
    }

    [Fact]
    public async Task reads_of_many_grains_are_answered_each_with_its_own_state()
    {
        await using var store = Store(concurrency: 1);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => store.Writes.RunAsync(new StateWrite(Key($"g-{i}"), 0, [(byte)i]))));

        var reads = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => store.Reads.RunAsync(Key($"g-{i}"))));

        Assert.All(reads.Take(20).Select((state, i) => (state, i)), r => Assert.Equal([(byte)r.i], r.state.Payload!));
        Assert.All(reads.Skip(20), state => Assert.False(state.Exists));
    }

    [Fact]
    public async Task a_parted_state_writes_only_its_changed_parts_and_a_lost_race_writes_none()
    {
        await using var store = Store(concurrency: 2);
        var storage = new GroupCommitGrainStorage(store, new CounterSerializer());
        var grainId = GrainId.Create("plan", "p-1");
        var writer = new GrainState<PartedState>(new PartedState());

        writer.State!.Change("header", "h1").Change("a", "1").Change("b", "2");
        await storage.WriteStateAsync("plan", grainId, writer);
        var stale = new GrainState<PartedState>(new PartedState());
        await storage.ReadStateAsync("plan", grainId, stale);

        writer.State.Change("a", "10").Remove("b").Change("c", "3");
        await storage.WriteStateAsync("plan", grainId, writer);
        Assert.Empty(writer.State.TakeUnsaved()); // written, so nothing is left unsaved

        stale.State!.Change("a", "lost").Change("d", "lost");
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("plan", grainId, stale));
        Assert.Equal(["a", "d"], stale.State.TakeUnsaved().Keys.Order()); // given back for a retry

        var reader = new GrainState<PartedState>(new PartedState());
        await storage.ReadStateAsync("plan", grainId, reader);
        Assert.Equal(["a=10", "c=3", "header=h1"], reader.State!.LoadedParts!.Select(p => $"{p.Key}={System.Text.Encoding.UTF8.GetString(p.Value)}").Order());
        Assert.Equal("2", reader.ETag);
    }

    private GroupCommitStateStore Store(int concurrency) =>
        new(_database, new GroupCommitStorageOptions { MaxConcurrentRoundTrips = concurrency });

    private static StateKey Key(string grain) => new("state", grain);

    /// <summary>A counter state as its total in text (the storage stores whatever bytes the serializer makes).</summary>
    private sealed class CounterSerializer : IGrainStorageSerializer
    {
        public BinaryData Serialize<T>(T? input) => BinaryData.FromString(((CounterState)(object)input!).Total.ToString(System.Globalization.CultureInfo.InvariantCulture));

        public T Deserialize<T>(BinaryData input) => (T)(object)new CounterState { Total = int.Parse(input.ToString(), System.Globalization.CultureInfo.InvariantCulture) };
    }

    /// <summary>A parted state that records its changes as a grain would.</summary>
    private sealed class PartedState : IPartedGrainState
    {
        private Dictionary<string, byte[]?> _unsaved = [];

        public IReadOnlyList<KeyValuePair<string, byte[]>>? LoadedParts { get; set; }

        public PartedState Change(string part, string value)
        {
            _unsaved[part] = System.Text.Encoding.UTF8.GetBytes(value);
            return this;
        }

        public PartedState Remove(string part)
        {
            _unsaved[part] = null;
            return this;
        }

        public IEnumerable<KeyValuePair<string, byte[]>> AllParts() => throw new NotSupportedException("the group-commit storage writes changed parts only");

        public IReadOnlyDictionary<string, byte[]?> TakeUnsaved()
        {
            var taken = _unsaved;
            _unsaved = [];
            return taken;
        }

        public void RestoreUnsaved(IReadOnlyDictionary<string, byte[]?> parts)
        {
            foreach (var (name, value) in parts)
            {
                _unsaved.TryAdd(name, value);
            }
        }
    }
}
