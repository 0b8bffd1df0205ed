using System.Collections.Concurrent;
using System.Globalization;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace OrleansPlans.Streaming.Kafka.Tests;

/// <summary>
/// A grain storage one test owns and hands to every silo of every cluster it starts, so checkpoints outlive a cluster
/// (as they would in PostgreSQL). Honours ETags like the real providers.
/// </summary>
internal sealed class SharedGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<string, (object State, string ETag)> _records = new();
    private long _version;

    /// <summary>While true every write fails, like a database that is unreachable when a silo crashes.</summary>
    public bool RejectWrites { get; set; }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_records.TryGetValue(Key(stateName, grainId), out var record))
        {
            grainState.State = (T)record.State;
            grainState.ETag = record.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (RejectWrites)
        {
            throw new InvalidOperationException("The test storage rejects writes.");
        }

        var key = Key(stateName, grainId);
        lock (_records)
        {
            var currentETag = _records.TryGetValue(key, out var record) ? record.ETag : null;
            if (currentETag != grainState.ETag)
            {
                throw new InconsistentStateException($"ETag mismatch for {key}", currentETag, grainState.ETag);
            }

            var etag = Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture);
            _records[key] = (grainState.State!, etag);
            grainState.ETag = etag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _records.TryRemove(Key(stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static string Key(string stateName, GrainId grainId) => $"{stateName}/{grainId}";
}
