using System.Text;
using Orleans.Storage;
using OrleansPlans.Grains.Hosting;
using OrleansPlans.Grains.State;

namespace OrleansPlans.Grains.Tests;

public sealed class PartedMemoryGrainStorageTests
{
    private static readonly GrainId Plan = GrainId.Create("plan", "p-1");

    [Fact]
    public async Task a_parted_state_writes_only_its_changed_parts_and_a_lost_race_writes_none()
    {
        var storage = Storage(new InMemoryGrainStates());
        var writer = new GrainState<PartedGrainState>(new PartedGrainState());
        writer.State!.Bind(() => throw new InvalidOperationException("a parted storage never asks for every part"));

        writer.State!.Stage(Parts(("header", "h1"), ("a", "1"), ("b", "2")));
        await storage.WriteStateAsync("plan", Plan, writer);
        var stale = await ReadAsync(storage);

        writer.State!.Stage(Parts(("a", "10"), ("b", null), ("c", "3")));
        await storage.WriteStateAsync("plan", Plan, writer);
        Assert.Empty(writer.State!.TakeUnsaved()); // written, so nothing is left unsaved

        stale.State!.Stage(Parts(("a", "lost"), ("d", "lost")));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("plan", Plan, stale));
        Assert.Equal(["a", "d"], stale.State!.TakeUnsaved().Keys.Order()); // kept for the activation that starts over

        var reader = await ReadAsync(storage);
        Assert.Equal(["a=10", "c=3", "header=h1"], reader.State!.LoadedParts!.Select(p => $"{p.Key}={Encoding.UTF8.GetString(p.Value)}").Order());
        Assert.Equal("2", reader.ETag);
    }

    [Fact]
    public async Task silos_given_the_same_states_see_each_others_writes_and_a_cleared_state_is_gone()
    {
        var states = new InMemoryGrainStates();
        var first = Storage(states);
        var second = Storage(states);
        var written = new GrainState<JsonGrainState>(new JsonGrainState { Json = Encoding.UTF8.GetBytes("{\"n\":1}") });
        await first.WriteStateAsync("merges", Plan, written);

        var read = new GrainState<JsonGrainState>(new JsonGrainState());
        await second.ReadStateAsync("merges", Plan, read);
        Assert.True(read.RecordExists);
        Assert.Equal("{\"n\":1}", Encoding.UTF8.GetString(read.State!.Json!));
        Assert.Equal(written.ETag, read.ETag);

        await second.ClearStateAsync("merges", Plan, read);
        var after = new GrainState<JsonGrainState>(new JsonGrainState());
        await first.ReadStateAsync("merges", Plan, after);
        Assert.False(after.RecordExists);
        Assert.Equal(0, states.Count);
        Assert.False((await ReadAsync(Storage(new InMemoryGrainStates()))).RecordExists); // each silo its own without
    }

    [Fact]
    public async Task a_first_write_that_loses_its_version_check_leaves_no_state_behind()
    {
        var storage = Storage(new InMemoryGrainStates());
        var late = new GrainState<PartedGrainState>(new PartedGrainState()) { ETag = "3" }; // read a version that is not there
        late.State!.Stage(Parts(("header", "h1")));

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("plan", Plan, late));

        Assert.False((await ReadAsync(storage)).RecordExists);
    }

    private static PartedMemoryGrainStorage Storage(InMemoryGrainStates states) => new(states, new JsonGrainStateStorageSerializer());

    private static async Task<GrainState<PartedGrainState>> ReadAsync(IGrainStorage storage)
    {
        var state = new GrainState<PartedGrainState>(new PartedGrainState());
        await storage.ReadStateAsync("plan", Plan, state);
        return state;
    }

    private static Dictionary<string, byte[]?> Parts(params (string Name, string? Value)[] parts) =>
        parts.ToDictionary(p => p.Name, p => p.Value is null ? null : Encoding.UTF8.GetBytes(p.Value), StringComparer.Ordinal);
}
