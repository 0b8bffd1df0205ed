namespace OrleansPlans.Domain.Tests.Simulation;

/// <summary>
/// A protocol step the simulation can deliberately get wrong (test-only; production code has no such switch), to show
/// that the faults catch it: with one of these, some seed must end with tables that differ from the oracle.
/// </summary>
public enum BrokenStep
{
    /// <summary>The production protocol.</summary>
    None,

    /// <summary>A plan answers a duplicate delta at once, without waiting for a write of what it holds.</summary>
    DuplicateAnsweredWithoutWrite,

    /// <summary>A plan answers as soon as its write is queued, before the flush made it durable.</summary>
    PlanAnswersBeforeWriteIsDurable,

    /// <summary>The stream provider checkpoints a delivery's offset when the delivery starts, before the user's write.</summary>
    CheckpointBeforeUserWrite,

    /// <summary>A plan counts a delta it already applied again (no deduplication by sequence number).</summary>
    RepeatedDeltaCountedTwice,

    /// <summary>
    /// The stream provider commits past the highest offset delivered, though records of other streams before it are not
    /// delivered yet (streams of one queue complete out of offset order).
    /// </summary>
    CheckpointPastUnfinishedRecords,
}
