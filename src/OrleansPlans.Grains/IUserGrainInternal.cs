using OrleansPlans.Domain.Plans;
using OrleansPlans.Domain.Users;

namespace OrleansPlans.Grains;

/// <summary>
/// The calls the merge coordinator makes on a user. Internal: a reconcile is one step of a merge, meaningless (and
/// harmful to the merge's accounting) on its own; services use <see cref="IUserGrain"/>.
/// </summary>
internal interface IUserGrainInternal : IGrainWithStringKey
{
    /// <summary>A merge joined plan ids this user names: reconcile with where they resolve now.</summary>
    Task ReconcileAsync(Immutable<IReadOnlyDictionary<string, PlanResolution>> survivorAliases);

    /// <summary>The delta <see cref="ReconcileAsync"/> would send for <paramref name="survivorAliases"/>; changes nothing.</summary>
    Task<UserDelta> PreviewReconcileAsync(Immutable<IReadOnlyDictionary<string, PlanResolution>> survivorAliases);
}
