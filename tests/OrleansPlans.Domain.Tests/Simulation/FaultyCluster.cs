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
/// The grains' protocol run on the production ledgers and workflows, one call at a time, with faults: every state is
/// stored as JSON and an activation can die and lose what it had not written; calls fail before or after their effect
/// (a dead silo, a timeout); writes and emits fail. The actors run the production workflows (UserWorkflow,
/// MergeWorkflow, PlanWorkflow, UnattributedDayWorkflow) — the order of durable steps the grains run — over simulated
/// ports; it is that order, and the domain rules it relies on, that must keep the tables exact. Payloads between actors
/// are copied through JSON, as Orleans copies them.
/// </summary>
internal sealed class FaultyCluster : IUserPorts, IMergePorts
{
    private readonly FaultDice _dice;
    private readonly Dictionary<string, SimulatedActor<UserTimeline>> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimulatedActor<PlanLedger>> _plans = new(StringComparer.Ordinal);
    private readonly Dictionary<DateOnly, SimulatedActor<UnattributedLedger>> _days = [];
    private readonly SimulatedActor<MergeForest> _coordinator;

    public FaultyCluster(FaultDice dice)
    {
        _dice = dice;
        _coordinator = new SimulatedActor<MergeForest>(
            DomainJsonContext.Default.MergeForest,
            () => new MergeForest(),
            forest => Run(MergeWorkflow.ResumeAsync(forest, this, Persist(_coordinator!))));
    }

    /// <summary>The output tables as the projector's consumers see them: table → key → row (last write wins).</summary>
    public Dictionary<string, Dictionary<string, OutputRow>> Tables { get; } =
        OutputTables.All.ToDictionary(t => t, _ => new Dictionary<string, OutputRow>(StringComparer.Ordinal));

    /// <summary>Activations that died.</summary>
    public int Crashes { get; private set; }

    /// <summary>A stream delivery of some of one user's events; throws <see cref="SimulatedFault"/> when it failed.</summary>
    public void DeliverUserEvents(string userId, IReadOnlyList<MembershipEvent> memberships, IReadOnlyList<UsageEvent> usages)
    {
        var user = User(userId);
        Run(UserWorkflow.ApplyAsync(user.Live, memberships, usages, this, Persist(user)));
    }

    /// <summary>A stream delivery of a merge; throws <see cref="SimulatedFault"/> when it failed.</summary>
    public void DeliverMerge(MergeRequest request) =>
        Run(MergeWorkflow.ApplyAsync(_coordinator.Live, request, this, Persist(_coordinator), DateTimeOffset.UnixEpoch));

    /// <summary>A record the stream provider could not decode.</summary>
    public void DeadLetter(SourcePosition position, string reason, byte[] raw) =>
        Project(DeadLetterChange(new DeadLetterRow(position, reason, raw, DateTimeOffset.UnixEpoch)));

    /// <summary>The silo hosting the user's activation (or the coordinator's) died.</summary>
    public void CrashUser(string userId) => Crash(User(userId));

    /// <summary>The silo hosting the merge coordinator died.</summary>
    public void CrashCoordinator() => Crash(_coordinator);

    /// <summary>A random activation of any kind dies.</summary>
    public void CrashAny()
    {
        var actors = _users.Values.Select(a => (Action)(() => Crash(a)))
            .Concat(_plans.Values.Select(a => (Action)(() => Crash(a))))
            .Concat(_days.Values.Select(a => (Action)(() => Crash(a))))
            .Append(() => Crash(_coordinator))
            .ToList();
        actors[_dice.Next(actors.Count)]();
    }

    /// <summary>
    /// With faults off: every activation restarts (or carries on) and does what the grains do on activation or on their
    /// retry timers — users deliver their outboxes, the coordinator finishes merges, plans and days emit what is pending.
    /// </summary>
    public void Settle()
    {
        _ = _coordinator.Live;
        foreach (var user in _users.Values)
        {
            _ = user.Live;
        }

        foreach (var plan in _plans.Values)
        {
            Run(PlanPorts(plan).EmitPendingAsync());
        }

        foreach (var day in _days.Values)
        {
            Run(DayPorts(day).EmitPendingAsync());
        }
    }

    // ---- IUserPorts: calls from a user activation ----

    public Task<Registration> RegisterAsync(string planId, string userId) => RegisterAt(planId, planId, userId, 0);

    public Task DeliverAsync(PlanDeltaMessage message) => ApplyAt(message.PlanId, message);

    public Task DeliverAsync(UnattributedDeltaMessage message)
    {
        var day = Day(message.Day);
        var copy = Copy(message, DomainJsonContext.Default.UnattributedDeltaMessage);
        return Call(day, () =>
        {
            Run(UnattributedDayWorkflow.ApplyAsync(day.Live, copy, DayPorts(day)));
            return true;
        });
    }

    // ---- IMergePorts: calls from the coordinator ----

    public Task MarkNamedAsync(string planId)
    {
        var plan = Plan(planId);
        return Call(plan, () =>
        {
            Run(PlanWorkflow.MarkNamedAsync(plan.Live, PlanPorts(plan)));
            return true;
        });
    }

    public Task<MergeMove> MoveAsync(string sourcePlanId, string mergeId, PlanResolution survivor)
    {
        var source = Plan(sourcePlanId);
        return Call(source, () => Wait(PlanWorkflow.MergeIntoAsync(source.Live, mergeId, survivor, PlanPorts(source))));
    }

    public Task RetargetAsync(string planId, PlanResolution survivor)
    {
        var plan = Plan(planId);
        return Call(plan, () =>
        {
            Run(PlanWorkflow.RetargetAsync(plan.Live, survivor, PlanPorts(plan)));
            return true;
        });
    }

    public Task ReconcileUserAsync(string userId, IReadOnlyDictionary<string, PlanResolution> survivorAliases)
    {
        var user = User(userId);
        var aliases = Copy(new Dictionary<string, PlanResolution>(survivorAliases), DomainJsonContext.Default.DictionaryStringPlanResolution);
        return Call(user, () =>
        {
            Run(UserWorkflow.ReconcileAsync(user.Live, aliases, this, Persist(user)));
            return true;
        });
    }

    public Task DeadLetterAsync(MergeRequest request, string reason)
    {
        Fail("dead-letter publish");
        var position = request.Position ?? new SourcePosition("plan-merges", -1, -1);
        Project(DeadLetterChange(new DeadLetterRow(position, reason, request.RawValue, DateTimeOffset.UnixEpoch)));
        return Task.CompletedTask;
    }

    // ---- calls between plans, and the ports the plan and day workflows run on ----

    private Task<Registration> RegisterAt(string planId, string askedPlanId, string userId, long forwardedVersion)
    {
        var plan = Plan(planId);
        return Call(plan, () => Copy(
            Wait(PlanWorkflow.RegisterAsync(plan.Live, askedPlanId, userId, forwardedVersion, PlanPorts(plan))),
            DomainJsonContext.Default.Registration));
    }

    private Task ApplyAt(string planId, PlanDeltaMessage message)
    {
        var plan = Plan(planId);
        var copy = Copy(message, DomainJsonContext.Default.PlanDeltaMessage);
        return Call(plan, () =>
        {
            Run(PlanWorkflow.ApplyAsync(plan.Live, copy, PlanPorts(plan)));
            return true;
        });
    }

    private Task<MergeMove> AbsorbAt(string planId, PlanHandOff handOff, long version)
    {
        var plan = Plan(planId);
        var copy = Copy(handOff, DomainJsonContext.Default.PlanHandOff);
        return Call(plan, () => Copy(Wait(PlanWorkflow.AbsorbAsync(plan.Live, copy, version, PlanPorts(plan))), DomainJsonContext.Default.MergeMove));
    }

    private SimulatedPlanPorts PlanPorts(SimulatedActor<PlanLedger> plan) => new(this, plan);

    private SimulatedDayPorts DayPorts(SimulatedActor<UnattributedLedger> day) => new(this, day);

    /// <summary>A row-sink publish: it may fail before the rows are accepted, or after (the acknowledgement lost).</summary>
    private void Publish(IReadOnlyList<RowChange> changes)
    {
        Fail("emit before publishing");
        foreach (var change in changes)
        {
            Project(change);
        }

        Fail("emit before the acknowledgement");
    }

    /// <summary>A plan activation's storage, emits and survivor calls.</summary>
    private sealed class SimulatedPlanPorts(FaultyCluster cluster, SimulatedActor<PlanLedger> plan) : IPlanPorts
    {
        public Task PersistAsync()
        {
            cluster.Write(plan);
            return Task.CompletedTask;
        }

        public Task EmitPendingAsync() => PlanWorkflow.EmitAsync(plan.Live, this);

        public Task PublishAsync(IReadOnlyList<RowChange> changes)
        {
            cluster.Publish(changes);
            return Task.CompletedTask;
        }

        public Task<Registration> RegisterAtAsync(string planId, string askedPlanId, string userId, long forwardedVersion) =>
            cluster.RegisterAt(planId, askedPlanId, userId, forwardedVersion);

        public Task ApplyAtAsync(string planId, PlanDeltaMessage message) => cluster.ApplyAt(planId, message);

        public Task<MergeMove> AbsorbAtAsync(string planId, PlanHandOff handOff, long version) => cluster.AbsorbAt(planId, handOff, version);
    }

    /// <summary>A day activation's storage and emits.</summary>
    private sealed class SimulatedDayPorts(FaultyCluster cluster, SimulatedActor<UnattributedLedger> day) : ILedgerPorts
    {
        public Task PersistAsync()
        {
            cluster.Write(day);
            return Task.CompletedTask;
        }

        public Task EmitPendingAsync() => UnattributedDayWorkflow.EmitAsync(day.Live, this);

        public Task PublishAsync(IReadOnlyList<RowChange> changes)
        {
            cluster.Publish(changes);
            return Task.CompletedTask;
        }
    }

    // ---- activations, calls, writes ----

    private SimulatedActor<UserTimeline> User(string userId)
    {
        if (!_users.TryGetValue(userId, out var user))
        {
            _users[userId] = user = new SimulatedActor<UserTimeline>(
                DomainJsonContext.Default.UserTimeline,
                () => new UserTimeline(userId),
                timeline => Run(UserWorkflow.DeliverOutboxAsync(timeline, this, Persist(_users[userId]))));
        }

        return user;
    }

    private SimulatedActor<PlanLedger> Plan(string planId)
    {
        if (!_plans.TryGetValue(planId, out var plan))
        {
            _plans[planId] = plan = new SimulatedActor<PlanLedger>(
                DomainJsonContext.Default.PlanLedger,
                () => new PlanLedger(planId),
                ledger => Run(PlanWorkflow.ActivateAsync(ledger, PlanPorts(_plans[planId]))));
        }

        return plan;
    }

    private SimulatedActor<UnattributedLedger> Day(DateOnly day)
    {
        if (!_days.TryGetValue(day, out var ledger))
        {
            _days[day] = ledger = new SimulatedActor<UnattributedLedger>(
                DomainJsonContext.Default.UnattributedLedger,
                () => new UnattributedLedger(day),
                l => Run(UnattributedDayWorkflow.ActivateAsync(l, DayPorts(_days[day]))));
        }

        return ledger;
    }

    /// <summary>
    /// A grain call: it may be lost before it arrives, or its answer lost after the callee acted — sometimes because
    /// the callee's silo died right then, taking what the callee had not written with it.
    /// </summary>
    private Task<T> Call<T, TState>(SimulatedActor<TState> callee, Func<T> body)
        where TState : class
    {
        try
        {
            Fail("call lost before it arrived");
            var result = body();
            if (_dice.Roll())
            {
                Crash(callee);
                throw new SimulatedFault("callee died after acting");
            }

            Fail("answer lost");
            return Task.FromResult(result);
        }
        catch (SimulatedFault e)
        {
            return Task.FromException<T>(e);
        }
    }

    private void Write<T>(SimulatedActor<T> actor)
        where T : class
    {
        if (_dice.Roll())
        {
            // A user or the coordinator discards its activation when a write fails: what it holds in memory is not
            // durable, and it would act on it. Plans and days keep theirs and answer nothing before a write succeeds.
            if (actor is SimulatedActor<UserTimeline> or SimulatedActor<MergeForest>)
            {
                Crash(actor);
            }

            throw new SimulatedFault("storage write");
        }

        actor.Write();
    }

    private Func<Task> Persist<T>(SimulatedActor<T> actor)
        where T : class =>
        () =>
        {
            Write(actor);
            return Task.CompletedTask;
        };

    private void Crash<T>(SimulatedActor<T> actor)
        where T : class
    {
        if (actor.IsActive)
        {
            actor.Crash();
            Crashes++;
        }
    }

    private void Fail(string where)
    {
        if (_dice.Roll())
        {
            throw new SimulatedFault(where);
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

    // Every port completes synchronously (a completed or faulted task), so the workflows run to the end in the call.
    private static void Run(Task task) => task.GetAwaiter().GetResult();

    private static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();
}
