using OrleansPlans.Domain.Figures;
using OrleansPlans.Domain.Plans;

namespace OrleansPlans.Domain.Merges;

/// <summary>
/// Previews a merge by walking the same steps as <see cref="MergeWorkflow"/> with read-only twins: the source's
/// hand-off, the survivor absorbing it, the users on both sides reconciling. Nothing is changed anywhere, and the
/// result is what the survivor's rows would be once the merge is carried out (given no other events meanwhile).
/// </summary>
public static class MergePreviewWorkflow
{
    /// <summary>The id the preview's decision carries: it is never recorded.</summary>
    public const string PreviewMergeId = "preview";

    /// <summary>Previews merging <paramref name="sourcePlanId"/> into <paramref name="targetPlanId"/> given <paramref name="forest"/> now.</summary>
    public static async Task<MergePreview> PreviewAsync(MergeForest forest, string sourcePlanId, string targetPlanId, IMergePreviewPorts ports)
    {
        var decision = forest.WouldDecide(PreviewMergeId, sourcePlanId, targetPlanId);
        switch (decision.Verdict)
        {
            case MergeVerdict.Refused:
                return new MergePreview(decision, null, new HashSet<string>());
            case MergeVerdict.NoOp:
                // Already merged: the survivor stays as it is.
                var unchanged = await ports.PreviewAbsorbAsync(decision.Survivor!,
                    new PlanHandOff(PreviewMergeId, sourcePlanId, new PlanFigures(), [], [], []), decision.Version);
                return new MergePreview(decision, unchanged.Figures, new HashSet<string>());
        }

        var handOff = await ports.PreviewHandOffAsync(sourcePlanId);
        var absorbed = await ports.PreviewAbsorbAsync(decision.Survivor!, handOff, decision.Version);
        var figures = absorbed.Figures;
        foreach (var user in absorbed.Move.Reconcile)
        {
            var delta = await ports.PreviewReconcileAsync(user, absorbed.Move.SurvivorAliases);
            if (delta.Plans.TryGetValue(decision.Survivor!, out var change))
            {
                figures.Add(change, 1);
            }
        }

        return new MergePreview(decision, figures, new HashSet<string>(handOff.Figures.Members.Keys, StringComparer.Ordinal));
    }
}
