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
/// (a dead silo, a timeout); writes and emits fail. It mirrors the order of durable steps of the grain adapters
/// (UserGrain, PlanGrain, UnattributedDayGrain, MergeCoordinatorGrain) — it is that order, and the domain rules it relies
/// on, that must keep the tables exact. Payloads between actors are copied through JSON, as Orleans copies them.
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
            EmitPlan(plan);
        }

        foreach (var day in _days.Values)
        {
            EmitDay(day);
        }
    }

    // ---- IUserPorts: calls from a user activation ----

    public Task<Registration> RegisterAsync(string planId, string userId) =>
        Call(Plan(planId), () => Copy(Register(planId, planId, userId, 0), DomainJsonContext.Default.Registration));

    public Task DeliverAsync(PlanDeltaMessage message) =>
        Call(Plan(message.PlanId), () => ApplyDelta(message.PlanId, Copy(message, DomainJsonContext.Default.PlanDeltaMessage)));

    public Task DeliverAsync(UnattributedDeltaMessage message)
    {
        var day = Day(message.Day);
        return Call(day, () =>
        {
            // Written also on a duplicate: what this activation applied before may not be durable yet (a failed write).
            day.Live.Apply(message.UserId, message.Sequence, message.Delta);
            Write(day);
            EmitDay(day);
            return true;
        });
    }

    // ---- IMergePorts: calls from the coordinator ----

    public Task MarkNamedAsync(string planId)
    {
        var plan = Plan(planId);
        return Call(plan, () =>
        {
            // Written even when already named: that may be the memory of a write that failed.
            plan.Live.MarkNamed();
            Commit(plan);
            return true;
        });
    }

    public Task<MergeMove> MoveAsync(string sourcePlanId, string mergeId, PlanResolution survivor)
    {
        var source = Plan(sourcePlanId);
        return Call(source, () =>
        {
            var handOff = source.Live.HandOff(mergeId, survivor);
            Commit(source);
            var target = Plan(survivor.Root);
            var move = Wait(Call(target, () =>
            {
                var absorbed = target.Live.Absorb(Copy(handOff, DomainJsonContext.Default.PlanHandOff), survivor.Version);
                Commit(target);
                return Copy(absorbed, DomainJsonContext.Default.MergeMove);
            }));
            source.Live.ConfirmHandOff(mergeId);
            Write(source);
            return move;
        });
    }

    public Task RetargetAsync(string planId, PlanResolution survivor)
    {
        var plan = Plan(planId);
        return Call(plan, () =>
        {
            plan.Live.Retarget(survivor);
            Commit(plan);
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

    // ---- the plan grain ----

    private Registration Register(string grainPlanId, string askedPlanId, string userId, long forwardedVersion)
    {
        var plan = Plan(grainPlanId);
        var ledger = plan.Live;
        if (askedPlanId == ledger.PlanId && !ledger.Named)
        {
            ledger.MarkNamed();
            Commit(plan);
        }

        if (ledger.MergedInto is { } survivor)
        {
            var root = Plan(survivor.Root);
            return Wait(Call(root, () => Register(survivor.Root, askedPlanId, userId, Math.Max(forwardedVersion, survivor.Version))));
        }

        var registration = ledger.AcceptUser(askedPlanId, userId, forwardedVersion);
        Commit(plan);
        return registration;
    }

    private bool ApplyDelta(string grainPlanId, PlanDeltaMessage message)
    {
        var plan = Plan(grainPlanId);
        switch (plan.Live.Apply(message.UserId, message.Sequence, message.PlanId, message.Delta))
        {
            case DeltaOutcome.Forward:
                var root = plan.Live.MergedInto!.Value.Root;
                Wait(Call(Plan(root), () => ApplyDelta(root, message)));
                break;
            case DeltaOutcome.Applied:
                Commit(plan);
                break;
            case DeltaOutcome.Duplicate:
                // A redelivery: what this activation applied before may not be durable yet (a failed write).
                Commit(plan);
                break;
        }

        return true;
    }

    private void Commit(SimulatedActor<PlanLedger> plan)
    {
        Write(plan);
        EmitPlan(plan);
    }

    private void EmitPlan(SimulatedActor<PlanLedger> plan)
    {
        var ledger = plan.Live;
        var changes = ledger.TakeRowChanges();
        if (changes.Count == 0)
        {
            return;
        }

        try
        {
            Fail("emit before publishing");
            foreach (var change in changes)
            {
                Project(change);
            }

            Fail("emit before the acknowledgement");
            ledger.EmitAcknowledged();
        }
        catch (SimulatedFault)
        {
            ledger.ResumeEmitting();
            ledger.MarkAllChanged();
            throw;
        }
    }

    private void EmitDay(SimulatedActor<UnattributedLedger> day)
    {
        var ledger = day.Live;
        if (ledger.TakeRowChange() is not { } change)
        {
            return;
        }

        try
        {
            Fail("day emit");
            Project(change);
            ledger.EmitAcknowledged();
        }
        catch (SimulatedFault)
        {
            ledger.ResumeEmitting();
            throw;
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
                ledger =>
                {
                    ledger.ResumeEmitting();
                    EmitPlan(_plans[planId]);
                });
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
                l =>
                {
                    l.ResumeEmitting();
                    EmitDay(_days[day]);
                });
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
