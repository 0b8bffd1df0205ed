using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Merges;
using OrleansPlans.Domain.Plans;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Domain.Serialization;
using OrleansPlans.Domain.Users;

namespace OrleansPlans.Domain.Tests.Simulation;

/// <summary>The calls between grains, and the ports each activation's workflows run on.</summary>
internal sealed partial class FaultyCluster
{
    private Task<Registration> RegisterAt(string planId, string askedPlanId, string userId, long forwardedVersion) =>
        Call(Plan(planId), a => PlanWorkflow.RegisterAsync(a.State, askedPlanId, userId, forwardedVersion, new PlanPorts(this, a)),
            r => Copy(r, DomainJsonContext.Default.Registration));

    private Task ApplyAt(string planId, PlanDeltaMessage message)
    {
        var copy = Copy(message, DomainJsonContext.Default.PlanDeltaMessage);
        return Call(Plan(planId), a => (_broken, IsDuplicate(a.State, copy), a.State.IsRoot) switch
        {
            (BrokenStep.DuplicateAnsweredWithoutWrite, true, _) => Task.CompletedTask,
            (BrokenStep.RepeatedDeltaCountedTwice, true, true) => CountAgainAsync(a, copy),
            _ => PlanWorkflow.ApplyAsync(a.State, copy, new PlanPorts(this, a)),
        });
    }

    // The broken variant's step: a duplicate added to the totals once more, then committed like any change.
    private async Task CountAgainAsync(SimulatedActivation<PlanLedger> plan, PlanDeltaMessage message)
    {
        plan.State.Figures.Add(message.Delta, 1, plan.State.Changes);
        var ports = new PlanPorts(this, plan);
        await ports.PersistAsync();
        await ports.EmitPendingAsync();
    }

    private Task<MergeMove> AbsorbAt(string planId, PlanHandOff handOff, long version)
    {
        var copy = Copy(handOff, DomainJsonContext.Default.PlanHandOff);
        return Call(Plan(planId), a => PlanWorkflow.AbsorbAsync(a.State, copy, version, new PlanPorts(this, a)),
            m => Copy(m, DomainJsonContext.Default.MergeMove));
    }

    private Task ApplyAtDay(UnattributedDeltaMessage message)
    {
        var copy = Copy(message, DomainJsonContext.Default.UnattributedDeltaMessage);
        return Call(Day(message.Day), a => UnattributedDayWorkflow.ApplyAsync(a.State, copy, new DayPorts(this, a)));
    }

    // What PlanLedger.Apply would call a duplicate (for the broken variants' shortcuts).
    private static bool IsDuplicate(PlanLedger ledger, PlanDeltaMessage message)
    {
        var applied = ledger.IsRoot ? ledger.AppliedSequences : ledger.PendingHandOff?.AppliedSequences;
        return applied is not null
            && applied.TryGetValue(message.PlanId, out var byUser)
            && byUser.TryGetValue(message.UserId, out var last)
            && last >= message.Sequence;
    }

    /// <summary>A user activation's calls out.</summary>
    private sealed class UserPorts(FaultyCluster cluster, SimulatedActivation<UserTimeline> user) : IUserPorts
    {
        public Task<Registration> RegisterAsync(string planId, string userId)
        {
            user.ThrowIfDead();
            return cluster.RegisterAt(planId, planId, userId, 0);
        }

        public Task DeliverAsync(PlanDeltaMessage message)
        {
            user.ThrowIfDead();
            return cluster.ApplyAt(message.PlanId, message);
        }

        public Task DeliverAsync(UnattributedDeltaMessage message)
        {
            user.ThrowIfDead();
            return cluster.ApplyAtDay(message);
        }
    }

    /// <summary>The coordinator activation's calls out.</summary>
    private sealed class MergePorts(FaultyCluster cluster, SimulatedActivation<MergeForest> coordinator) : IMergePorts
    {
        public Task MarkNamedAsync(string planId)
        {
            coordinator.ThrowIfDead();
            return cluster.Call(cluster.Plan(planId), a => PlanWorkflow.MarkNamedAsync(a.State, new PlanPorts(cluster, a)));
        }

        public Task<MergeMove> MoveAsync(string sourcePlanId, string mergeId, PlanResolution survivor)
        {
            coordinator.ThrowIfDead();
            return cluster.Call(cluster.Plan(sourcePlanId), a => PlanWorkflow.MergeIntoAsync(a.State, mergeId, survivor, new PlanPorts(cluster, a)),
                m => Copy(m, DomainJsonContext.Default.MergeMove));
        }

        public Task RetargetAsync(string planId, PlanResolution survivor)
        {
            coordinator.ThrowIfDead();
            return cluster.Call(cluster.Plan(planId), a => PlanWorkflow.RetargetAsync(a.State, survivor, new PlanPorts(cluster, a)));
        }

        public Task ReconcileUserAsync(string userId, IReadOnlyDictionary<string, PlanResolution> survivorAliases)
        {
            coordinator.ThrowIfDead();
            var aliases = Copy(new Dictionary<string, PlanResolution>(survivorAliases), DomainJsonContext.Default.DictionaryStringPlanResolution);
            return cluster.Call(cluster.User(userId),
                a => UserWorkflow.ReconcileAsync(a.State, aliases, new UserPorts(cluster, a), () => cluster.Persist(a)));
        }

        public Task DeadLetterAsync(MergeRequest request, string reason)
        {
            coordinator.ThrowIfDead();
            cluster.Fail("dead-letter publish");
            var position = request.Position ?? new SourcePosition("plan-merges", -1, -1);
            cluster.Project(DeadLetterChange(new DeadLetterRow(position, reason, request.RawValue, DateTimeOffset.UnixEpoch)));
            return Task.CompletedTask;
        }
    }

    /// <summary>A plan activation's storage, emits and survivor calls.</summary>
    private sealed class PlanPorts(FaultyCluster cluster, SimulatedActivation<PlanLedger> plan) : IPlanPorts
    {
        public Task PersistAsync()
        {
            var written = cluster.Persist(plan);
            return cluster._broken == BrokenStep.PlanAnswersBeforeWriteIsDurable ? Task.CompletedTask : written;
        }

        public Task EmitPendingAsync()
        {
            plan.ThrowIfDead();
            return PlanWorkflow.EmitAsync(plan.State, this);
        }

        public Task PublishAsync(IReadOnlyList<RowChange> changes)
        {
            cluster.Publish(changes);
            return Task.CompletedTask;
        }

        public Task<Registration> RegisterAtAsync(string planId, string askedPlanId, string userId, long forwardedVersion)
        {
            plan.ThrowIfDead();
            return cluster.RegisterAt(planId, askedPlanId, userId, forwardedVersion);
        }

        public Task ApplyAtAsync(string planId, PlanDeltaMessage message)
        {
            plan.ThrowIfDead();
            return cluster.ApplyAt(planId, message);
        }

        public Task<MergeMove> AbsorbAtAsync(string planId, PlanHandOff handOff, long version)
        {
            plan.ThrowIfDead();
            return cluster.AbsorbAt(planId, handOff, version);
        }
    }

    /// <summary>A day activation's storage and emits.</summary>
    private sealed class DayPorts(FaultyCluster cluster, SimulatedActivation<UnattributedLedger> day) : ILedgerPorts
    {
        public Task PersistAsync() => cluster.Persist(day);

        public Task EmitPendingAsync()
        {
            day.ThrowIfDead();
            return UnattributedDayWorkflow.EmitAsync(day.State, this);
        }

        public Task PublishAsync(IReadOnlyList<RowChange> changes)
        {
            cluster.Publish(changes);
            return Task.CompletedTask;
        }
    }
}
