using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace OrleansPlans.Streaming.Kafka;

/// <summary>
/// Keeps checkpoints in an Orleans grain storage (memory, ADO.NET/PostgreSQL, …) without activating any grain: one state
/// record per consumer group, topic and partition, under grain id <c>kafka-checkpoint/{group}/{topic}/{partition}</c>.
/// </summary>
public sealed class GrainStorageKafkaCheckpointStore(IGrainStorage storage) : IKafkaCheckpointStore
{
    private const string StateName = "KafkaCheckpoint";
    private static readonly GrainType CheckpointGrainType = GrainType.Create("kafka-checkpoint");

    /// <inheritdoc />
    public async Task<long?> LoadAsync(string consumerGroupId, string topic, int partition, CancellationToken cancellationToken = default)
    {
        var state = new GrainState<KafkaCheckpointState>(new KafkaCheckpointState());
        await storage.ReadStateAsync(StateName, IdFor(consumerGroupId, topic, partition), state).ConfigureAwait(false);
        return state.RecordExists && state.State is { Offset: >= 0 } stored ? stored.Offset : null;
    }

    /// <inheritdoc />
    public async Task SaveAsync(string consumerGroupId, string topic, int partition, long offset, CancellationToken cancellationToken = default)
    {
        var grainId = IdFor(consumerGroupId, topic, partition);

        // Read-then-write with the storage's ETag: when a partition moves between silos, the silo that lost it may
        // still try to write; the ETag check makes a stale writer re-read, and a checkpoint never moves backwards.
        // Hand-written, not a retry policy: each attempt re-reads and re-decides (compare-and-set), without delay.
        for (var attempt = 0; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var state = new GrainState<KafkaCheckpointState>(new KafkaCheckpointState());
            await storage.ReadStateAsync(StateName, grainId, state).ConfigureAwait(false);
            if (state.State is { } stored && stored.Offset >= offset)
            {
                return;
            }

            state.State = new KafkaCheckpointState { Offset = offset };
            try
            {
                await storage.WriteStateAsync(StateName, grainId, state).ConfigureAwait(false);
                return;
            }
            catch (InconsistentStateException) when (attempt < 3)
            {
                // Someone else wrote in between: read again and re-check.
            }
        }
    }

    private static GrainId IdFor(string consumerGroupId, string topic, int partition)
        => GrainId.Create(CheckpointGrainType, $"{consumerGroupId}/{topic}/{partition}");
}
