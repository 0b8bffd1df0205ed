using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Merges;
using OrleansPlans.Domain.Plans;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Domain.Serialization;
using OrleansPlans.Domain.Users;

namespace OrleansPlans.Domain.Tests.Simulation;

/// <summary>
/// The grains on two silos, run on the production ledgers and workflows (UserWorkflow, MergeWorkflow, PlanWorkflow,
/// UnattributedDayWorkflow — the order of durable steps the grains run) over simulated ports, with the storage as it
/// ships: each silo queues its grains' writes and flushes them together, each write succeeding or failing on its own
/// (version check), and a grain awaits its write before answering. Activations die and lose what they had not
/// written, silos die with their queued writes, calls are lost, answered twice or their answers lost, publishes fail.
/// Calls interleave at their awaits (writes waiting for a flush), but every continuation comes back to the simulation's
/// own scheduler (<see cref="SimulationContext"/>) on one thread, so a seed replays exactly. Payloads between actors are copied through JSON, as Orleans copies them.
/// </summary>
internal sealed partial class FaultyCluster
{
    private readonly FaultDice _dice;
    private readonly SimulatedFaults _faults;
    private readonly BrokenStep _broken;
    private readonly SimulatedSilo[] _silos = [new(0), new(1)];
    private readonly Dictionary<string, SimulatedActor<UserTimeline>> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimulatedActor<PlanLedger>> _plans = new(StringComparer.Ordinal);
    private readonly Dictionary<DateOnly, SimulatedActor<UnattributedLedger>> _days = [];
    private readonly SimulatedActor<MergeForest> _coordinator;
    private readonly int _thread = Environment.CurrentManagedThreadId;
    private readonly SimulationContext _context = new();

    public FaultyCluster(FaultDice dice, SimulatedFaults faults, BrokenStep broken)
    {
        SynchronizationContext.SetSynchronizationContext(_context);
        _dice = dice;
        _faults = faults;
        _broken = broken;
        _coordinator = new SimulatedActor<MergeForest>(
            "coordinator", DomainJsonContext.Default.MergeForest, () => new MergeForest(), reentrant: false,
            a => MergeWorkflow.ResumeAsync(a.State, new MergePorts(this, a), () => Persist(a)));
    }

    /// <summary>The output tables as the projector's consumers see them: table → key → row (last write wins).</summary>
    public Dictionary<string, Dictionary<string, OutputRow>> Tables { get; } =
        OutputTables.All.ToDictionary(t => t, _ => new Dictionary<string, OutputRow>(StringComparer.Ordinal));

    public int SiloCount => _silos.Length;

    /// <summary>Activations that died (crashed, discarded after a failed write, or with their silo).</summary>
    public int Crashes { get; private set; }

    /// <summary>Silos that died, and the queued writes they took with them.</summary>
    public int SiloCrashes { get; private set; }

    public int WritesLostWithSilo { get; private set; }

    /// <summary>Flushes in which some writes succeeded and others failed (a storage error for that grain's row).</summary>
    public int PartialFlushes { get; private set; }

    /// <summary>Writes refused because another activation of the grain wrote since (etag conflicts).</summary>
    public int VersionConflicts { get; private set; }

    public int RepeatedCalls { get; private set; }

    public int LostAnswers { get; private set; }

    /// <summary>Activations left lingering while calls went to a new activation on the other silo.</summary>
    public int OrphanedActivations { get; private set; }

    /// <summary>Runs every continuation that is ready (grains resuming after an awaited write or call), until none is.</summary>
    public void Drain() => _context.Drain();

    /// <summary>Whether a silo has writes waiting for a flush.</summary>
    public bool HasQueuedWrites(int silo) => _silos[silo].Queue.Count > 0;

    /// <summary>A stream delivery of some of one user's events; completes (or fails) when the user grain answered.</summary>
    public Task DeliverUserEvents(string userId, IReadOnlyList<MembershipEvent> memberships, IReadOnlyList<UsageEvent> usages) =>
        Call(User(userId), a => UserWorkflow.ApplyAsync(a.State, memberships, usages, new UserPorts(this, a), () => Persist(a)), Same);

    /// <summary>A stream delivery of a merge.</summary>
    public Task DeliverMerge(MergeRequest request) =>
        Call(_coordinator, a => MergeWorkflow.ApplyAsync(a.State, request, new MergePorts(this, a), () => Persist(a), DateTimeOffset.UnixEpoch), Same);

    /// <summary>A record the stream provider could not decode.</summary>
    public void DeadLetter(SourcePosition position, string reason, byte[] raw) =>
        Project(DeadLetterChange(new DeadLetterRow(position, reason, raw, DateTimeOffset.UnixEpoch)));

    /// <summary>The user's activation died.</summary>
    public void CrashUser(string userId) => Crash(User(userId));

    /// <summary>The merge coordinator's activation died.</summary>
    public void CrashCoordinator() => Crash(_coordinator);

    /// <summary>A random grain's activation dies (if it has one).</summary>
    public void CrashAny()
    {
        var count = _users.Count + _plans.Count + _days.Count + 1;
        var pick = _dice.Next(count);
        if (pick < _users.Count)
        {
            Crash(_users.Values.ElementAt(pick));
        }
        else if ((pick -= _users.Count) < _plans.Count)
        {
            Crash(_plans.Values.ElementAt(pick));
        }
        else if ((pick -= _plans.Count) < _days.Count)
        {
            Crash(_days.Values.ElementAt(pick));
        }
        else
        {
            Crash(_coordinator);
        }
    }

    /// <summary>
    /// A silo dies: every activation on it (current or lingering) and every write it had queued are gone; the callers
    /// waiting on those writes fail. It restarts empty.
    /// </summary>
    public void CrashSilo(int silo)
    {
        var (activations, writes) = _silos[silo].Clear();
        SiloCrashes++;
        WritesLostWithSilo += writes.Count;
        foreach (var activation in activations)
        {
            activation.Kill();
            Crashes++;
        }

        foreach (var write in writes)
        {
            write.Done.SetException(new SimulatedFault("silo died before the flush"));
        }
    }

    /// <summary>
    /// The user's stream is now delivered from <paramref name="silo"/>: calls reach a new activation there, while the
    /// current one lingers and finishes what it was doing (two activations of one grain for a while).
    /// </summary>
    public void MoveUser(string userId, int silo)
    {
        var user = User(userId);
        if (user.Current is not null)
        {
            user.Orphan(silo);
            OrphanedActivations++;
        }
    }

    /// <summary>
    /// One group commit of <paramref name="silo"/>: every queued write goes in one round trip; each succeeds or fails
    /// on its own (a storage error, or a version conflict); then the waiting grains resume, in order.
    /// </summary>
    public void Flush(int silo)
    {
        CheckThread();
        var writes = _silos[silo].TakeQueue();
        var outcomes = new (bool Stored, string Failure)[writes.Count];
        for (var i = 0; i < writes.Count; i++)
        {
            var write = writes[i];
            outcomes[i] = !write.Activation.Alive ? (false, "activation gone before the flush")
                : Roll(SimulatedFaults.FlushFailures) ? (false, "write failed in the flush")
                : write.Store() ? (true, "")
                : (false, "version conflict");
            VersionConflicts += outcomes[i].Failure == "version conflict" ? 1 : 0;
        }

        if (outcomes.Any(o => o.Stored) && outcomes.Any(o => o.Failure == "write failed in the flush"))
        {
            PartialFlushes++;
        }

        for (var i = 0; i < writes.Count; i++)
        {
            if (outcomes[i].Stored)
            {
                writes[i].Done.SetResult();
            }
            else
            {
                writes[i].Failed();
                writes[i].Done.SetException(new SimulatedFault(outcomes[i].Failure));
            }
        }
    }

    /// <summary>
    /// With faults off: every grain is activated (users deliver their outboxes, the coordinator finishes merges), every
    /// queued write is flushed, and plans and days emit what is pending — what activation and retry timers do.
    /// </summary>
    public void Settle()
    {
        // A round whose work failed (a version conflict with an activation a queue move left behind, say) discarded the
        // activations that failed; the next round's calls reach new ones, as Orleans' retries and the grains' timers do.
        Task? stuck = null;
        for (var round = 0; round < 10; round++)
        {
            var activations = new List<Task> { Activation(_coordinator).Activated };
            activations.AddRange(_users.Values.Select(u => Activation(u).Activated));
            Drain();
            FlushAll();
            foreach (var plan in _plans.Values)
            {
                var a = Activation(plan);
                activations.Add(PlanWorkflow.EmitAsync(a.State, new PlanPorts(this, a)));
            }

            foreach (var day in _days.Values)
            {
                var a = Activation(day);
                activations.Add(UnattributedDayWorkflow.EmitAsync(a.State, new DayPorts(this, a)));
            }

            FlushAll();
            stuck = activations.FirstOrDefault(t => !t.IsCompletedSuccessfully);
            if (stuck is null)
            {
                return;
            }
        }

        throw new InvalidOperationException($"settling left work unfinished: {stuck!.Status} {stuck.Exception?.InnerException?.Message}");
    }

    private void FlushAll()
    {
        while (_silos.Any(s => s.Queue.Count > 0))
        {
            foreach (var silo in _silos)
            {
                Flush(silo.Id);
                Drain();
            }
        }
    }

    private SimulatedActor<UserTimeline> User(string userId)
    {
        if (!_users.TryGetValue(userId, out var user))
        {
            _users[userId] = user = new SimulatedActor<UserTimeline>(
                $"user {userId}", DomainJsonContext.Default.UserTimeline, () => new UserTimeline(userId), reentrant: false,
                a => UserWorkflow.DeliverOutboxAsync(a.State, new UserPorts(this, a), () => Persist(a)));
        }

        return user;
    }

    private SimulatedActor<PlanLedger> Plan(string planId)
    {
        if (!_plans.TryGetValue(planId, out var plan))
        {
            _plans[planId] = plan = new SimulatedActor<PlanLedger>(
                $"plan {planId}", DomainJsonContext.Default.PlanLedger, () => new PlanLedger(planId), reentrant: true,
                a => PlanWorkflow.ActivateAsync(a.State, new PlanPorts(this, a)));
        }

        return plan;
    }

    private SimulatedActor<UnattributedLedger> Day(DateOnly day)
    {
        if (!_days.TryGetValue(day, out var ledger))
        {
            _days[day] = ledger = new SimulatedActor<UnattributedLedger>(
                $"day {day}", DomainJsonContext.Default.UnattributedLedger, () => new UnattributedLedger(day), reentrant: true,
                a => UnattributedDayWorkflow.ActivateAsync(a.State, new DayPorts(this, a)));
        }

        return ledger;
    }

    private void Crash<T>(SimulatedActor<T> actor)
        where T : class
    {
        if (actor.Current is { } activation)
        {
            activation.Kill();
            Crashes++;
        }
    }

    private bool Has(SimulatedFaults fault) => (_faults & fault) == fault;

    private bool Roll(SimulatedFaults fault, double scale = 1) => Has(fault) && _dice.Roll(scale);

    private void Fail(string where)
    {
        if (_dice.Roll())
        {
            throw new SimulatedFault(where);
        }
    }

    // Continuations must all run on the simulation's thread, from its scheduler: anything else would make a seed not replay.
    private void CheckThread()
    {
        if (Environment.CurrentManagedThreadId != _thread)
        {
            throw new InvalidOperationException("the simulation left its thread: a continuation ran elsewhere");
        }
    }

    private void Project(RowChange change)
    {
        var table = Tables[change.Table];
        if (change.Row is null)
        {
            table.Remove(change.Key);
        }
        else
        {
            table[change.Key] = change.Row;
        }
    }

    private static RowChange DeadLetterChange(DeadLetterRow row) => new(row.Table, row.Key, row);

    private static T Copy<T>(T value, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(value, type), type)!;

    private static T Same<T>(T value) => value;
}
