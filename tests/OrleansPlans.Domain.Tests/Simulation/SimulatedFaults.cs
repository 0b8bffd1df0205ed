namespace OrleansPlans.Domain.Tests.Simulation;

/// <summary>
/// The faults of the silo-wide group-commit storage and the stream provider the simulation can inject, on top of the
/// ones it always injects (an activation dying, a call lost before it arrives, a publish failing).
/// </summary>
[Flags]
public enum SimulatedFaults
{
    /// <summary>Only the faults always injected.</summary>
    None = 0,

    /// <summary>(a) In a silo's flush of queued writes, each grain's write succeeds or fails on its own.</summary>
    FlushFailures = 1,

    /// <summary>(b) A silo dies with every activation on it and the writes it had queued but not flushed.</summary>
    SiloCrashes = 2,

    /// <summary>(c) A silo dies between a delivery's state write and the input checkpoint: the delivery comes again whole.</summary>
    CheckpointCrashes = 4,

    /// <summary>(d) An answer is lost after the callee acted, or a call is delivered twice.</summary>
    LostOrRepeatedAnswers = 8,

    /// <summary>(e) A queue moves to the other silo mid-batch: redelivered from its checkpoint to new activations there.</summary>
    QueueMoves = 16,

    /// <summary>Every fault.</summary>
    All = FlushFailures | SiloCrashes | CheckpointCrashes | LostOrRepeatedAnswers | QueueMoves,
}
