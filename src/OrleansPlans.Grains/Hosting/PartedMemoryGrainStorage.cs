using System.Collections.Concurrent;
using Orleans.Storage;
using OrleansPlans.Storage;

namespace OrleansPlans.Grains.Hosting;

/// <summary>
/// Grain storage in this process's memory that keeps a parted state (<see cref="IPartedGrainState"/>) as parts and
/// writes only the parts that changed, as the PostgreSQL group-commit storage does, with the same optimistic version
/// check. Orleans' memory storage keeps whole states: every write serialized all of a plan's parts (tens of
/// kilobytes) and sent them to a storage grain, work no production write does, and most of what the grains benchmark
/// measured (its profile: ~40% of the CPU). For tests, benchmarks and trying the grains without a database: the state
/// lives as long as <paramref name="states"/>.
/// </summary>
internal sealed class PartedMemoryGrainStorage(InMemoryGrainStates states, IGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), StoredGrainState> _entries = states.Entries;

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (!_entries.TryGetValue((stateName, grainId), out var entry))
        {
            return NotFound(grainState);
        }

        lock (entry)
        {
            if (entry.Version == 0)
            {
                return NotFound(grainState); // made by a write that then lost its version check
            }

            if (grainState.State is IPartedGrainState parted)
            {
                parted.LoadedParts = [.. entry.Parts];
            }
            else
            {
                grainState.State = serializer.Deserialize<T>(new BinaryData(entry.Payload ?? []));
            }

            grainState.ETag = StateVersions.ToEtag(entry.Version);
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var entry = _entries.GetOrAdd((stateName, grainId), static _ => new StoredGrainState());
        lock (entry)
        {
            CheckVersion(entry, grainState.ETag, stateName, grainId);
            if (grainState.State is IPartedGrainState parted)
            {
                // Parts are staged as fresh arrays the grain never changes again, so they are kept as they are.
                foreach (var (name, value) in parted.TakeUnsaved())
                {
                    if (value is null)
                    {
                        entry.Parts.Remove(name);
                    }
                    else
                    {
                        entry.Parts[name] = value;
                    }
                }
            }
            else
            {
                entry.Payload = serializer.Serialize(grainState.State).ToArray();
            }

            entry.Version++;
            grainState.ETag = StateVersions.ToEtag(entry.Version);
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_entries.TryGetValue((stateName, grainId), out var entry))
        {
            lock (entry)
            {
                CheckVersion(entry, grainState.ETag, stateName, grainId);
                _entries.TryRemove((stateName, grainId), out _);
            }
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static Task NotFound<T>(IGrainState<T> grainState)
    {
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    // As the PostgreSQL storage: a write names the version it read (none: no row yet), and loses to any write since.
    private static void CheckVersion(StoredGrainState entry, string? etag, string stateName, GrainId grainId)
    {
        var expected = StateVersions.FromEtag(etag);
        if (entry.Version != expected)
        {
            throw new InconsistentStateException(
                $"State '{stateName}' of {grainId} is at version {entry.Version}, the write expected {expected}.",
                StateVersions.ToEtag(entry.Version), etag ?? "");
        }
    }
}
