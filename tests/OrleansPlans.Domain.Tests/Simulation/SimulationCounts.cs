namespace OrleansPlans.Domain.Tests.Simulation;

/// <summary>What a simulation run went through: shows the faults actually happened.</summary>
internal sealed class SimulationCounts
{
    public int Faults { get; set; }

    public int Deliveries { get; set; }

    public int FailedDeliveries { get; set; }

    public int Crashes { get; set; }

    public int PartialFlushes { get; set; }

    public int VersionConflicts { get; set; }

    public int SiloCrashes { get; set; }

    public int WritesLostWithSilo { get; set; }

    public int CheckpointCrashes { get; set; }

    public int RepeatedCalls { get; set; }

    public int LostAnswers { get; set; }

    public int QueueMoves { get; set; }

    public int QueueMovesMidBatch { get; set; }

    public int OrphanedActivations { get; set; }

    public override string ToString() =>
        $"{Faults} faults, {Deliveries} deliveries ({FailedDeliveries} failed), {Crashes} activations died, " +
        $"{PartialFlushes} partial flushes, {VersionConflicts} version conflicts, {SiloCrashes} silo crashes " +
        $"({WritesLostWithSilo} queued writes lost), {CheckpointCrashes} crashes before a checkpoint, {RepeatedCalls} " +
        $"repeated calls, {LostAnswers} lost answers, {QueueMoves} queue moves ({QueueMovesMidBatch} mid-batch, " +
        $"{OrphanedActivations} activations orphaned)";
}
