using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Plans;

namespace OrleansPlans.Domain.Merges;

/// <summary>
/// Decides a merge, makes the decision durable, then carries it out step by step. Every step is idempotent, so a
/// crash anywhere is repaired by replaying the unfinished decision (on restart, or when the event is redelivered).
/// </summary>
public static class MergeWorkflow
{
    /// <summary>Decides and carries out <paramref name="request"/>; a new decision is stamped with <paramref name="now"/>.</summary>
    public static async Task<MergeDecision> ApplyAsync(
        MergeForest forest, MergeRequest request, IMergePorts ports, Func<Task> persist, DateTimeOffset? now = null)
    {
        var known = forest.Decisions.ContainsKey(request.Event.EventId);
        var decision = forest.Decide(request.Event);
        var position = request.Position?.ToString();
        if (!known)
        {
            decision.RefusedAt = decision.Verdict == MergeVerdict.Refused ? position : null;
            decision.DecidedAt = now;
            await persist();
        }

        switch (decision.Verdict)
        {
            case MergeVerdict.Refused when !known || decision.RefusedAt == position:
                await ports.DeadLetterAsync(request, decision.Reason!);
                break;
            case MergeVerdict.NoOp:
                await ports.MarkNamedAsync(decision.SourcePlanId);
                await ports.MarkNamedAsync(decision.TargetPlanId);
                break;
            case MergeVerdict.Applied when !decision.Completed:
                await CarryOutAsync(decision, ports);
                await persist();
                break;
        }

        return decision;
    }

    /// <summary>Finishes decisions a crash interrupted.</summary>
    public static async Task ResumeAsync(MergeForest forest, IMergePorts ports, Func<Task> persist)
    {
        var unfinished = forest.Unfinished.OrderBy(d => d.Version).ToList();
        foreach (var decision in unfinished)
        {
            await CarryOutAsync(decision, ports);
        }

        if (unfinished.Count > 0)
        {
            await persist();
        }
    }

    private static async Task CarryOutAsync(MergeDecision decision, IMergePorts ports)
    {
        var survivor = new PlanResolution(decision.Survivor!, decision.Version);
        await ports.MarkNamedAsync(decision.TargetPlanId);
        var move = await ports.MoveAsync(decision.SourcePlanId, decision.MergeId, survivor);
        foreach (var plan in decision.MovedPlans)
        {
            if (plan != decision.SourcePlanId)
            {
                await ports.RetargetAsync(plan, survivor);
            }
        }

        // Only users naming plans on both sides can see their timeline change; run them concurrently.
        await Task.WhenAll(move.Reconcile.Select(user => ports.ReconcileUserAsync(user, move.SurvivorAliases)));
        decision.Completed = true;
    }
}
