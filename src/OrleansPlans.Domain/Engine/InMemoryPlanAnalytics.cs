using OrleansPlans.Domain.Contract;
using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Merges;
using OrleansPlans.Domain.Plans;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Domain.Users;

namespace OrleansPlans.Domain.Engine;

/// <summary>
/// The whole contract in one process, without Orleans: the same ledgers and the same workflows the grains run,
/// wired by direct calls, with row changes applied to an in-memory replica of the output tables. Used by the
/// tests (against the oracle), by benchmarks, and wherever a single-process engine is enough. Not thread-safe.
/// </summary>
public sealed class InMemoryPlanAnalytics
{
    private readonly Dictionary<string, UserTimeline> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PlanLedger> _plans = new(StringComparer.Ordinal);
    private readonly Dictionary<DateOnly, UnattributedLedger> _days = [];
    private readonly HashSet<PlanLedger> _dirtyPlans = [];
    private readonly HashSet<UnattributedLedger> _dirtyDays = [];
    private readonly MergeForest _forest = new();

    // Every delta a user sends is delivered, copied into the plans' totals and dropped within one call here, so its
    // figures go back to the users' spares (see DeltaSpares).
    private readonly DeltaSpares _deltaSpares = new();
    private readonly TimeProvider _time;
    private readonly Ports _ports;

    // The plan tables' rows as values by key columns, and the other tables (unattributed days, dead letters) by key text.
    private readonly PlanRowReplica _planRows;
    private readonly Dictionary<string, Dictionary<string, OutputRow>> _otherRows = new(StringComparer.Ordinal)
    {
        [OutputTables.UnattributedUsageDaily] = new(StringComparer.Ordinal),
        [OutputTables.DeadLetters] = new(StringComparer.Ordinal),
    };

    private Dictionary<string, Dictionary<string, OutputRow>>? _tables;

    /// <summary>Creates an empty engine; <paramref name="time"/> stamps dead letters.</summary>
    public InMemoryPlanAnalytics(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _ports = new Ports(this);
        _planRows = new PlanRowReplica(changed: () => _tables = null);
    }

    /// <summary>
    /// The replica of the output tables: table → key → row, as a snapshot made when read after a change (the replica
    /// itself keeps plan rows as values by their key columns, so that a row and its key are made only when someone reads them). Read it;
    /// changing it changes nothing in the engine.
    /// </summary>
    public Dictionary<string, Dictionary<string, OutputRow>> Tables => _tables ??= Snapshot();

    /// <summary>Decodes and applies one input record; a bad record becomes a dead letter.</summary>
    public void Accept(InputTopic topic, string? key, byte[] value, SourcePosition position)
    {
        var decoded = ContractCodec.Decode(topic, key, value);
        if (!decoded.IsValid)
        {
            DeadLetter(position, decoded.Error, value);
            return;
        }

        switch (decoded.Value)
        {
            case MembershipEvent membership:
                ApplyUserEvents(membership.UserId, [membership], []);
                break;
            case UsageEvent usage:
                ApplyUserEvents(usage.UserId, [], [usage]);
                break;
            case MergeEvent merge:
                ApplyMerge(new MergeRequest(merge, position, value));
                break;
        }
    }

    /// <summary>Applies a batch of one user's events, as a stream delivery would.</summary>
    public void ApplyUserEvents(string userId, IEnumerable<MembershipEvent> memberships, IEnumerable<UsageEvent> usages)
    {
        Wait(UserWorkflow.ApplyAsync(User(userId), memberships, usages, _ports, NoPersistence));
        Flush();
    }

    /// <summary>Decides and applies a merge.</summary>
    public MergeDecision ApplyMerge(MergeRequest request)
    {
        var decision = Wait(MergeWorkflow.ApplyAsync(_forest, request, _ports, NoPersistence));
        Flush();
        return decision;
    }

    /// <summary>The user's timeline, if the user has events.</summary>
    public UserTimeline? FindUser(string userId) => _users.GetValueOrDefault(userId);

    /// <summary>The plan's ledger, if anything named it.</summary>
    public PlanLedger? FindPlan(string planId) => _plans.GetValueOrDefault(planId);

    /// <summary>Every user's timeline.</summary>
    public IEnumerable<UserTimeline> Users => _users.Values;

    /// <summary>Every plan id's ledger.</summary>
    public IEnumerable<PlanLedger> Plans => _plans.Values;

    /// <summary>Every day's unattributed ledger.</summary>
    public IEnumerable<UnattributedLedger> UnattributedDays => _days.Values;

    /// <summary>Every row computed afresh from the ledgers (the replica in <see cref="Tables"/> must equal it).</summary>
    public IEnumerable<OutputRow> CurrentRows() =>
        _plans.Values.SelectMany(p => p.CurrentRows())
            .Concat(_days.Values.Select(d => d.CurrentRow()).OfType<OutputRow>())
            .Concat(_otherRows[OutputTables.DeadLetters].Values);

    private static Task NoPersistence() => Task.CompletedTask;

    // Everything here completes synchronously: ports return completed tasks.
    private static void Wait(Task task) => task.GetAwaiter().GetResult();

    private static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();

    private UserTimeline User(string userId) =>
        _users.TryGetValue(userId, out var user) ? user : _users[userId] = new UserTimeline(userId) { DeltaSpares = _deltaSpares };

    private PlanLedger Plan(string planId)
    {
        if (!_plans.TryGetValue(planId, out var plan))
        {
            _plans[planId] = plan = new PlanLedger(planId);
        }

        _dirtyPlans.Add(plan);
        return plan;
    }

    private UnattributedLedger Day(DateOnly day)
    {
        if (!_days.TryGetValue(day, out var ledger))
        {
            _days[day] = ledger = new UnattributedLedger(day);
        }

        _dirtyDays.Add(ledger);
        return ledger;
    }

    private void DeadLetter(SourcePosition? position, string reason, byte[]? raw)
    {
        // A record without a position (never the case for Kafka input) cannot be keyed; it is still not dropped silently.
        var deadLetters = _otherRows[OutputTables.DeadLetters];
        var source = position ?? new SourcePosition("unknown", -1, deadLetters.Count);
        var row = new DeadLetterRow(source, reason, raw, _time.GetUtcNow());
        deadLetters[row.Key] = row;
        _tables = null;
    }

    // The emits the workflows' commits asked for, deferred to the end of the batch (nothing here is persisted, so the
    // order persist-before-emit holds trivially): plans through the ledger's list-free path (take, apply to the replica,
    // acknowledge — PlanWorkflow.EmitAsync with a publish that cannot fail), days through their workflow's emit step.
    private void Flush()
    {
        foreach (var plan in _dirtyPlans)
        {
            plan.EmitRowChanges(_planRows);
        }

        _dirtyPlans.Clear();
        foreach (var day in _dirtyDays)
        {
            // The write step with a write that stores nothing (the engine keeps no state elsewhere), then the emit.
            Wait(LedgerWrites.WriteAsync(day, NoPersistence));
            Wait(UnattributedDayWorkflow.EmitAsync(day, _ports));
        }

        _dirtyDays.Clear();
    }

    private Dictionary<string, Dictionary<string, OutputRow>> Snapshot()
    {
        var tables = OutputTables.All.ToDictionary(t => t, _ => new Dictionary<string, OutputRow>(StringComparer.Ordinal));
        _planRows.CopyTo(tables);

        foreach (var (name, rows) in _otherRows)
        {
            foreach (var (key, row) in rows)
            {
                tables[name][key] = row;
            }
        }

        return tables;
    }

    private void Project(RowChange change)
    {
        _tables = null;
        var table = _otherRows[change.Table];
        if (change.Row is null)
        {
            table.Remove(change.Key);
        }
        else
        {
            table[change.Key] = change.Row;
        }
    }

    /// <summary>
    /// Every port of every workflow, by direct calls that complete synchronously. One instance serves every ledger: a
    /// ledger is marked for the end-of-batch emit when it is looked up, so persisting and emitting need nothing here.
    /// </summary>
    private sealed class Ports(InMemoryPlanAnalytics engine) : IUserPorts, IMergePorts, IPlanPorts
    {
        public Task<Registration> RegisterAsync(string planId, string userId) =>
            PlanWorkflow.RegisterAsync(engine.Plan(planId), planId, userId, forwardedVersion: 0, this);

        public Task DeliverAsync(PlanDeltaMessage message)
        {
            // Completed here (every port is synchronous), forwarding included: the plans hold the delta's values, not
            // the delta, and the user's outbox is cleared right after delivering it.
            Wait(PlanWorkflow.ApplyAsync(engine.Plan(message.PlanId), message, this));
            engine._deltaSpares.Return(message.Delta);
            return Task.CompletedTask;
        }

        public Task DeliverAsync(UnattributedDeltaMessage message) =>
            UnattributedDayWorkflow.ApplyAsync(engine.Day(message.Day), message, this);

        public Task MarkNamedAsync(string planId) => PlanWorkflow.MarkNamedAsync(engine.Plan(planId), this);

        public Task<MergeMove> MoveAsync(string sourcePlanId, string mergeId, PlanResolution survivor) =>
            PlanWorkflow.MergeIntoAsync(engine.Plan(sourcePlanId), mergeId, survivor, this);

        public Task RetargetAsync(string planId, PlanResolution survivor) => PlanWorkflow.RetargetAsync(engine.Plan(planId), survivor, this);

        public Task ReconcileUserAsync(string userId, IReadOnlyDictionary<string, PlanResolution> survivorAliases) =>
            UserWorkflow.ReconcileAsync(engine.User(userId), survivorAliases, this, NoPersistence);

        public Task DeadLetterAsync(MergeRequest request, string reason)
        {
            engine.DeadLetter(request.Position, reason, request.RawValue);
            return Task.CompletedTask;
        }

        public Task<Registration> RegisterAtAsync(string planId, string askedPlanId, string userId, long forwardedVersion) =>
            PlanWorkflow.RegisterAsync(engine.Plan(planId), askedPlanId, userId, forwardedVersion, this);

        public Task ApplyAtAsync(string planId, PlanDeltaMessage message) => PlanWorkflow.ApplyAsync(engine.Plan(planId), message, this);

        public Task<MergeMove> AbsorbAtAsync(string planId, PlanHandOff handOff, long version) =>
            PlanWorkflow.AbsorbAsync(engine.Plan(planId), handOff, version, this);

        public Task PersistAsync() => Task.CompletedTask;

        public Task EmitPendingAsync() => Task.CompletedTask;

        // Reached only from the days' emit step: plan rows go to the replica by key columns in Flush.
        public Task PublishAsync(IReadOnlyList<RowChange> changes)
        {
            foreach (var change in changes)
            {
                engine.Project(change);
            }

            return Task.CompletedTask;
        }
    }
}
