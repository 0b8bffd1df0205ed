using System.Runtime.ExceptionServices;
using OrleansPlans.Domain.Tests.Support;
using OrleansPlans.Oracle;

namespace OrleansPlans.Domain.Tests.Simulation;

/// <summary>
/// Feeds generated records to a <see cref="FaultyCluster"/> as the stream provider does: one ordered stream per user
/// (a few records per delivery) and one for merges, spread over queues whose pulling agents live on the two silos; a
/// stream's next delivery starts once the last one completed, a failed one is retried, and a queue's checkpoint moves
/// only past completed deliveries (lazily, as offsets are committed). A queue whose silo dies, or that moves, starts
/// again from its checkpoint on the other silo. One scheduler interleaves deliveries with the silos' flushes.
/// </summary>
internal sealed partial class FaultSimulation
{
    private const int Queues = 4;
    private const int MaxAttempts = 12;

    private readonly FaultDice _dice;
    private readonly FaultyCluster _cluster;
    private readonly SimulatedFaults _faults;
    private readonly BrokenStep _broken;
    private readonly List<InputStream> _streams = [];
    private readonly InputQueue[] _queues = [.. Enumerable.Range(0, Queues).Select(_ => new InputQueue())];
    private readonly SimulationCounts _counts = new();

    private FaultSimulation(int seed, SimulatedFaults faults, BrokenStep broken, double faultRate)
    {
        _dice = new FaultDice(seed, faultRate);
        _cluster = new FaultyCluster(_dice, faults, broken);
        _faults = faults;
        _broken = broken;
        for (var q = 0; q < Queues; q++)
        {
            _queues[q].Silo = q % _cluster.SiloCount;
        }
    }

    /// <summary>
    /// Runs the records through a faulty cluster and compares its tables with the oracle's, on a thread of its own whose
    /// continuations the simulation runs itself (<see cref="SimulationContext"/>), so that a seed replays exactly.
    /// </summary>
    public static SimulationOutcome Run(IReadOnlyList<RawRecord> records, int seed, SimulatedFaults faults, BrokenStep broken, double faultRate = 0.05)
    {
        SimulationOutcome? outcome = null;
        Exception? error = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    outcome = new FaultSimulation(seed, faults, broken, faultRate).RunHere(records, new Random(seed));
                }
                catch (Exception e)
                {
                    error = e;
                }
            });
        thread.Start();
        thread.Join();
        if (error is not null)
        {
            ExceptionDispatchInfo.Throw(error);
        }

        return outcome!;
    }

    private SimulationOutcome RunHere(IReadOnlyList<RawRecord> records, Random batching)
    {
        Streams(records, batching);
        var steps = 0;
        while (_streams.Any(s => !s.Done))
        {
            if (++steps > 1_000_000)
            {
                // A delivery that fails however often it is retried, with faults off: the pipeline is stuck, which is
                // as wrong as a table that differs (a broken step can wedge a plan or a user for good).
                return new SimulationOutcome(
                    "the simulation made no progress: " + string.Join("; ", _streams.Where(s => !s.Done).Take(3)
                        .Select(s => $"queue {s.Queue} at record {s.Next} of {s.Records.Count}, {s.Attempts} attempts")),
                    _counts);
            }

            // A delivery retried long enough gets through (faults pause until it did).
            _dice.Enabled = _streams.All(s => s.Attempts < MaxAttempts);
            Step();
            _cluster.Drain();
            Collect();
            if (_faults.HasFlag(SimulatedFaults.SiloCrashes) && _dice.Roll(0.1))
            {
                CrashSilo(_dice.Next(_cluster.SiloCount));
            }

            if (_faults.HasFlag(SimulatedFaults.QueueMoves) && _dice.Roll(0.1))
            {
                MoveQueue(_dice.Next(Queues));
            }

            if (_dice.Roll())
            {
                _cluster.CrashAny();
            }

            _cluster.Drain();
            Collect();
        }

        _dice.Enabled = false;
        _cluster.Settle();
        _counts.Faults = _dice.Faults;
        _counts.Crashes = _cluster.Crashes;
        _counts.SiloCrashes = _cluster.SiloCrashes;
        _counts.WritesLostWithSilo = _cluster.WritesLostWithSilo;
        _counts.PartialFlushes = _cluster.PartialFlushes;
        _counts.VersionConflicts = _cluster.VersionConflicts;
        _counts.RepeatedCalls = _cluster.RepeatedCalls;
        _counts.LostAnswers = _cluster.LostAnswers;
        _counts.OrphanedActivations = _cluster.OrphanedActivations;
        var differences = BatchOracle.Compute(records)
            .DescribeDifferences(OracleBridge.Canonical(_cluster.Tables.SelectMany(t => t.Value.Values)), max: 10);
        return new SimulationOutcome(differences, _counts);
    }

    // Flush a silo's queued writes, or start a stream's next delivery: a flush a third of the time when both can happen.
    private void Step()
    {
        var startable = _streams.Where(s => s.InFlight is null && !s.Done).ToList();
        var flushable = Enumerable.Range(0, _cluster.SiloCount).Where(_cluster.HasQueuedWrites).ToList();
        if (flushable.Count > 0 && (startable.Count == 0 || _dice.Next(3) == 0))
        {
            _cluster.Flush(flushable[_dice.Next(flushable.Count)]);
        }
        else if (startable.Count > 0)
        {
            Start(startable[_dice.Next(startable.Count)]);
        }
        else
        {
            throw new InvalidOperationException("deliveries wait on nothing a flush could complete");
        }
    }

    private void Start(InputStream stream)
    {
        var record = stream.Records[stream.Next];
        if (_broken == BrokenStep.CheckpointBeforeUserWrite)
        {
            // The broken order: the offset is committed first, so a crash before the delivery's write loses it.
            var queue = _queues[stream.Queue];
            queue.Checkpoint = Math.Max(queue.Checkpoint, record.Offset + 1);
            if (CheckpointCrash(stream))
            {
                return;
            }
        }

        _counts.Deliveries++;
        stream.InFlight = record.Run();
    }

    // Deliveries that ended: the stream moves on (and its queue may commit), or retries.
    private void Collect()
    {
        foreach (var stream in _streams)
        {
            if (stream.InFlight is not { IsCompleted: true } done)
            {
                continue;
            }

            stream.InFlight = null;
            if (done.IsCompletedSuccessfully)
            {
                stream.Next++;
                stream.Attempts = 0;
                if (_broken != BrokenStep.CheckpointBeforeUserWrite && CheckpointCrash(stream))
                {
                    continue;
                }

                // Offsets are committed now and then, not after every delivery.
                if (_dice.Next(2) == 0)
                {
                    Commit(stream.Queue);
                }
            }
            else
            {
                _counts.FailedDeliveries++;
                stream.Attempts++;
                // Failures often are a silo dying: then the delivering activation is gone too.
                if (_dice.Next(2) == 0)
                {
                    stream.Records[stream.Next].Crash();
                }
            }
        }
    }

    // A queue's checkpoint: the lowest offset not yet delivered, as every record before it must be done (streams of
    // one queue complete out of offset order). The broken variant commits past the highest delivered offset instead.
    private void Commit(int queue)
    {
        var streams = _streams.Where(s => s.Queue == queue).ToList();
        _queues[queue].Checkpoint = _broken == BrokenStep.CheckpointPastUnfinishedRecords
            ? Math.Max(_queues[queue].Checkpoint, streams.Max(s => s.Next > 0 ? s.Records[s.Next - 1].Offset + 1 : 0))
            : streams.Min(s => s.Next < s.Records.Count ? s.Records[s.Next].Offset : int.MaxValue) is var lowest && lowest != int.MaxValue
                ? lowest
                : _queues[queue].Next;
    }

    // (c): the silo of the stream's queue dies between the delivery's write and the checkpoint.
    private bool CheckpointCrash(InputStream stream)
    {
        if (!_faults.HasFlag(SimulatedFaults.CheckpointCrashes) || !_dice.Roll(0.5))
        {
            return false;
        }

        _counts.CheckpointCrashes++;
        CrashSilo(_queues[stream.Queue].Silo);
        return true;
    }

    private void CrashSilo(int silo)
    {
        _cluster.CrashSilo(silo);
        for (var q = 0; q < Queues; q++)
        {
            if (_queues[q].Silo == silo)
            {
                Rewind(q);
                _queues[q].Silo = (silo + 1) % _cluster.SiloCount;
            }
        }
    }

    // (e): the queue's agent moves to the other silo, abandoning what it had in flight; it starts again from the
    // checkpoint, delivering to new activations there while the old ones may still finish their part of the batch.
    private void MoveQueue(int queue)
    {
        var to = (_queues[queue].Silo + 1) % _cluster.SiloCount;
        _counts.QueueMoves++;
        _counts.QueueMovesMidBatch += _streams.Any(s => s.Queue == queue && s.InFlight is not null) ? 1 : 0;
        Rewind(queue);
        _queues[queue].Silo = to;
        foreach (var stream in _streams.Where(s => s.Queue == queue && s.UserId is not null))
        {
            _cluster.MoveUser(stream.UserId!, to);
        }
    }

    // A new agent reads the queue again from its checkpoint: every stream resumes at its first record from there.
    private void Rewind(int queue)
    {
        var checkpoint = _queues[queue].Checkpoint;
        foreach (var stream in _streams.Where(s => s.Queue == queue))
        {
            var next = stream.Records.FindIndex(r => r.Offset >= checkpoint);
            stream.Next = next < 0 ? stream.Records.Count : next;
            stream.InFlight = null;
            stream.Attempts = 0;
        }
    }
}
