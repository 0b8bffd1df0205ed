using Orleans.Runtime;
using Orleans.Storage;
using OrleansPlans.Storage;

namespace OrleansPlans.Persistence.Postgres.Storage;

/// <summary>
/// Orleans grain storage in PostgreSQL whose reads and writes are grouped across all grains of the silo: a grain
/// awaits its own write as with any storage (so "durable before answering" holds unchanged), but the writes of every
/// grain waiting at the same moment share one statement and one commit. Optimistic concurrency per grain (the row's
/// version is the ETag); a failed write fails only its own grain. A state that implements <see cref="IPartedGrainState"/>
/// is stored as parts, and a write carries only the parts that changed.
/// </summary>
public sealed class GroupCommitGrainStorage : IGrainStorage
{
    private readonly GroupCommitStateStore _store;
    private readonly IGrainStorageSerializer _serializer;
    private readonly GroupCommitStorageOptions _options;

    internal GroupCommitGrainStorage(GroupCommitStateStore store, IGrainStorageSerializer serializer, GroupCommitStorageOptions? options = null)
    {
        _store = store;
        _serializer = serializer;
        _options = options ?? new GroupCommitStorageOptions();
    }

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var stored = await _store.Reads.RunAsync(Key(stateName, grainId)).ConfigureAwait(false);
        if (stored.Exists && grainState.State is IPartedGrainState parted)
        {
            parted.LoadedParts = stored.Parts;
            grainState.ETag = StateVersions.ToEtag(stored.Version);
            grainState.RecordExists = true;
        }
        else if (stored is { Exists: true, Payload: { } payload })
        {
            grainState.State = _serializer.Deserialize<T>(new BinaryData(payload));
            grainState.ETag = StateVersions.ToEtag(stored.Version);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        long version;
        if (grainState.State is IPartedGrainState parted)
        {
            // Only the parts changed since the last write; given back if this write fails, so the next one carries them.
            var parts = parted.TakeUnsaved();
            try
            {
                version = await _store.Writes.RunAsync(new StateWrite(Key(stateName, grainId), StateVersions.FromEtag(grainState.ETag), [], parts)).ConfigureAwait(false);
            }
            catch
            {
                parted.RestoreUnsaved(parts);
                throw;
            }
        }
        else
        {
            var payload = _serializer.Serialize(grainState.State).ToArray();
            version = await _store.Writes.RunAsync(new StateWrite(Key(stateName, grainId), StateVersions.FromEtag(grainState.ETag), payload)).ConfigureAwait(false);
        }

        grainState.ETag = StateVersions.ToEtag(version);
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _store.Writes.RunAsync(new StateWrite(Key(stateName, grainId), StateVersions.FromEtag(grainState.ETag), Payload: null)).ConfigureAwait(false);
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private StateKey Key(string stateName, GrainId grainId) => new(_options.StoredStateName(stateName), grainId.ToString());
}
