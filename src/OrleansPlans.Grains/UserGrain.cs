using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using Orleans.Streams.Core;
using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Plans;
using OrleansPlans.Domain.Users;
using OrleansPlans.Grains.Hosting;
using OrleansPlans.Grains.State;

namespace OrleansPlans.Grains;

/// <summary>Adapter: stream batches and calls in, <see cref="UserWorkflow"/> over <see cref="UserTimeline"/>, grain calls out.</summary>
[ImplicitStreamSubscription(StreamNamespaces.Membership)]
[ImplicitStreamSubscription(StreamNamespaces.Usage)]
internal sealed class UserGrain(
    [PersistentState("user", PlanAnalyticsStorage.Name)] IPersistentState<PartedGrainState> state,
    IOptions<PlanTablesOptions> tables,
    ILogger<UserGrain> logger)
    : Grain, IUserGrain, IUserGrainInternal, IStreamSubscriptionObserver, IAsyncBatchObserver<object>
{
    private UserTimeline _timeline = null!;
    private UserPorts _ports = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var userId = this.GetPrimaryKeyString();
        // Stored in parts (UserTimelineParts): a write carries the header and the user's newest events, not the history.
        _timeline = state.State.LoadedParts switch
        {
            { Count: > 0 } parts => UserTimelineParts.Load(userId, parts),
            _ when state.RecordExists => throw new InvalidOperationException(
                $"The state of user '{userId}' was written whole by an earlier version; this one stores it in parts. Reprocess into a new version (README, Reprocessing)."),
            _ => new UserTimeline(userId),
        };
        state.State.LoadedParts = null;
        state.State.Bind(() => UserTimelineParts.All(_timeline));
        _timeline.CountsMonths = tables.Value.MonthlyUsage;
        _ports = new UserPorts(GrainFactory);

        // Deltas persisted before a crash but maybe not delivered: deliver again (receivers deduplicate).
        await UserWorkflow.DeliverOutboxAsync(_timeline, _ports, PersistAsync);
    }

    public Task<int> ApplyAsync(Immutable<UserEvents> events) =>
        UserWorkflow.ApplyAsync(_timeline, events.Value.Memberships, events.Value.Usages, _ports, PersistAsync);

    public Task ReconcileAsync(Immutable<IReadOnlyDictionary<string, PlanResolution>> survivorAliases) =>
        UserWorkflow.ReconcileAsync(_timeline, survivorAliases.Value, _ports, PersistAsync);

    public Task<UserDelta> PreviewReconcileAsync(Immutable<IReadOnlyDictionary<string, PlanResolution>> survivorAliases) =>
        Task.FromResult(_timeline.PreviewReconcile(survivorAliases.Value));

    public Task<UserMembership> GetMembershipAsync(DateTimeOffset? asOf)
    {
        var current = _timeline.CurrentMembership();
        return Task.FromResult(new UserMembership(
            _timeline.UserId,
            current?.PlanId,
            current?.Since,
            asOf is { } at ? _timeline.PlanAt(at) : null,
            _timeline.Memberships.Count,
            _timeline.Usages.Count));
    }

    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        handleFactory.Create<object>().ResumeAsync(this);

    public async Task OnNextAsync(IList<SequentialItem<object>> items)
    {
        List<MembershipEvent>? memberships = null;
        List<UsageEvent>? usages = null;
        foreach (var item in items)
        {
            switch (item.Item)
            {
                case MembershipEvent membership:
                    (memberships ??= []).Add(membership);
                    break;
                case UsageEvent usage:
                    (usages ??= []).Add(usage);
                    break;
                default:
                    GrainLog.UnexpectedItem(logger, _timeline.UserId, item.Item?.GetType().FullName ?? "null", item.Token?.ToString() ?? "");
                    break;
            }
        }

        await UserWorkflow.ApplyAsync(_timeline, memberships ?? [], usages ?? [], _ports, PersistAsync);
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    // A failed write starts over from storage: this activation's outbox would otherwise carry sequence numbers that a
    // fresh activation reuses for other deltas (receivers would drop those as duplicates); the delivery is retried.
    private Task PersistAsync() => DomainState.SaveOrStartOverAsync(this, state, UserTimelineParts.TakeUnsaved(_timeline));
}
