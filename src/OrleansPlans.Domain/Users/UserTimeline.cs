using System.Text.Json.Serialization;
using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Figures;
using OrleansPlans.Domain.Plans;

namespace OrleansPlans.Domain.Users;

/// <summary>
/// One user's history and what it contributes to the plans. State is bounded by the user's own events.
/// <para>
/// Protocol: <see cref="Ingest(MembershipEvent)"/>/<see cref="Ingest(UsageEvent)"/> new events; resolve every plan
/// id in <see cref="UnresolvedPlans"/> (registering the user with that plan) and pass the answers to
/// <see cref="Learn"/>; then <see cref="Commit"/> returns the delta to send to the plans. Commit is what makes the
/// invariant hold: the plans' totals include exactly <c>contribution(events, resolutions)</c>, each figure filed
/// under the plan it resolves to now (merges move figures between plans, so a merge is a renaming here).
/// </para>
/// </summary>
public sealed class UserTimeline
{
    // Events ingested and not committed yet, empty between batches: the memberships' list is made when one arrives (few
    // batches carry any) and dropped by the commit; the usages' list is borrowed from the spares for a batch where a host
    // gives them back (the in-memory engine), else made once and kept. Two lists kept per user were a tenth of a user's
    // long-lived objects.
    private List<MembershipEvent>? _pendingMemberships;
    private List<UsageEvent>? _pendingUsages;

    // Made by the first resolution learned and dropped by the commit that applies them: only batches with memberships
    // and merges learn any, and a table kept empty per user was hundreds of bytes for every user.
    private Dictionary<string, PlanResolution>? _pendingResolutions;

    // Read in place of no pending resolutions; never changed.
    private static readonly Dictionary<string, PlanResolution> NoResolutions = [];

    // Event ids, as sets only once a user has more events than a search in order suits (see Seen): most users have
    // tens, and a set per user was hundreds of bytes of long-lived objects for every user.
    private HashSet<string>? _membershipIds;
    private HashSet<string>? _usageIds;
    private UserAttribution? _attribution;

    /// <summary>Creates an empty timeline for <paramref name="userId"/>.</summary>
    public UserTimeline(string userId) => UserId = userId;

    /// <summary>The user.</summary>
    public string UserId { get; }

    /// <summary>Applied membership events, in contract order (event time, then ordinal eventId).</summary>
    public List<MembershipEvent> Memberships { get; init; } = [];

    /// <summary>Applied usage events.</summary>
    public List<UsageEvent> Usages { get; init; } = [];

    /// <summary>Where each plan id this user's events name resolves, as applied to the plans' totals.</summary>
    public Dictionary<string, PlanResolution> Resolutions { get; init; } = [];

    /// <summary>The sequence number the next outgoing delta carries (receivers drop what they already applied).</summary>
    public long NextSequence { get; set; } = 1;

    /// <summary>
    /// Whether this user's contribution includes monthly figures (<c>plan_usage_monthly</c>); default true. Set by the
    /// host from its configuration, not stored: it must be the same for every activation and silo over the life of the
    /// stored state (the plans hold what earlier commits counted), so it is a deployment setting, meant for measuring
    /// what the monthly table costs.
    /// </summary>
    [JsonIgnore]
    public bool CountsMonths { get; set; } = true;

    /// <summary>
    /// Where a usage-only commit takes its plan deltas from, instead of new figures: set only by a host that gives every
    /// delivered delta back (the in-memory engine). Not stored.
    /// </summary>
    [JsonIgnore]
    internal DeltaSpares? DeltaSpares { get; init; }

    /// <summary>Committed deltas not yet confirmed delivered.</summary>
    public UserOutbox Outbox { get; init; } = new();

    /// <summary>
    /// How many of <see cref="Usages"/> the last write in parts carried (<see cref="UserTimelineParts.TakeUnsaved"/>):
    /// the next write carries only the parts holding the rest. Null until the timeline is stored in parts (loaded from
    /// them, or first taken); usages are only ever appended, so a count is all the tracking needed. Not part of the
    /// timeline's JSON.
    /// </summary>
    [JsonIgnore]
    public int? StoredUsages { get; internal set; }

    /// <summary>Plan ids named by ingested events whose resolution is not known yet.</summary>
    [JsonIgnore]
    public IEnumerable<string> UnresolvedPlans =>
        // Most batches carry usage only: FindUnresolvedPlans answers those without allocating (hot path).
        FindUnresolvedPlans() ?? [];

    /// <summary>True when ingested events or learned resolutions wait for <see cref="Commit"/>.</summary>
    [JsonIgnore]
    public bool HasPending => _pendingMemberships?.Count > 0 || _pendingUsages?.Count > 0 || _pendingResolutions?.Count > 0;

    /// <summary>Accepts a membership event; false when its eventId was already seen (a duplicate).</summary>
    public bool Ingest(MembershipEvent membership)
    {
        if (Seen(Memberships, _pendingMemberships, ref _membershipIds, membership.EventId, static m => m.EventId))
        {
            return false;
        }

        (_pendingMemberships ??= []).Add(membership);
        return true;
    }

    /// <summary>Accepts a usage event; false when its eventId was already seen (a duplicate).</summary>
    public bool Ingest(UsageEvent usage)
    {
        if (Seen(Usages, _pendingUsages, ref _usageIds, usage.EventId, static u => u.EventId))
        {
            return false;
        }

        (_pendingUsages ??= DeltaSpares?.PendingUsages() ?? []).Add(usage);
        return true;
    }

    /// <summary>
    /// Takes note of where <paramref name="planId"/> resolves. Only plans this user names matter, and only newer
    /// resolutions (higher merge version) replace older ones; returns whether anything changed.
    /// </summary>
    public bool Learn(string planId, PlanResolution resolution)
    {
        var named = Resolutions.ContainsKey(planId) || NamesPending(planId);
        if (!named)
        {
            return false;
        }

        var current = _pendingResolutions is { } learned && learned.TryGetValue(planId, out var pending) ? pending
            : Resolutions.TryGetValue(planId, out var applied) ? applied : (PlanResolution?)null;
        if (current is { } known && known.Version >= resolution.Version)
        {
            return false;
        }

        (_pendingResolutions ??= [])[planId] = resolution;
        return true;
    }

    /// <summary>Applies everything pending and returns what the plans and unattributed days must add.</summary>
    public UserDelta Commit()
    {
        var unresolved = FindUnresolvedPlans()?[0];
        if (unresolved is not null)
        {
            throw new InvalidOperationException($"plan '{unresolved}' must be resolved before committing user '{UserId}'");
        }

        var resolutions = _pendingResolutions ?? NoResolutions;
        if (_pendingMemberships is null or { Count: 0 } && resolutions.Count == 0)
        {
            return CommitUsageOnly(Attribution);
        }

        // Old figures live under the plans they resolved to before; merges moved them on to the new survivors. Made
        // only when a root changes: most of these commits add a membership and rename nothing.
        Dictionary<string, string>? rename = null;
        foreach (var (plan, resolution) in resolutions)
        {
            if (Resolutions.TryGetValue(plan, out var old) && old.Root != resolution.Root)
            {
                (rename ??= new Dictionary<string, string>(StringComparer.Ordinal))[old.Root] = resolution.Root;
            }
        }

        // What the plans hold of this user now (computed from the committed events: only the attribution is kept) is
        // taken away where it lies now, and what they hold after the commit is added, in one delta (from the spares,
        // like a usage commit's, when the host gives deltas back).
        var delta = DeltaSpares?.Delta() ?? new UserDelta();
        ComputeApplied(delta, -1, rename is null ? null : Renaming(rename));
        foreach (var (plan, resolution) in resolutions)
        {
            Resolutions[plan] = resolution;
        }

        _pendingResolutions = null;
        foreach (var membership in _pendingMemberships ?? [])
        {
            var at = Memberships.BinarySearch(membership, MembershipOrder.Instance);
            Memberships.Insert(at < 0 ? ~at : at, membership);
        }

        _pendingMemberships = null;
        ApplyPendingUsages();

        _attribution = ComputeApplied(delta, 1, fileUnder: null);
        return UserContribution.Prune(delta);
    }

    /// <summary>Commits everything pending and queues the resulting deltas, numbered, in <see cref="Outbox"/>.</summary>
    public void CommitToOutbox()
    {
        var delta = Commit();
        if (!delta.IsEmpty)
        {
            Enqueue(delta);
        }

        // The messages hold the delta's figures now: the delta itself is dead.
        DeltaSpares?.Return(delta);
    }

    private void Enqueue(UserDelta delta)
    {
        var sequence = NextSequence++;
        foreach (var (plan, figures) in delta.Plans)
        {
            Outbox.Plans.Add(new PlanDeltaMessage(UserId, sequence, plan, figures));
        }

        if (delta.UnattributedIfAny is { } unattributed)
        {
            foreach (var (day, tally) in unattributed)
            {
                Outbox.Unattributed.Add(new UnattributedDeltaMessage(UserId, sequence, day, tally));
            }
        }
    }

    /// <summary>
    /// The delta <see cref="UserWorkflow.ReconcileAsync"/> would send if a merge told this user
    /// <paramref name="survivorAliases"/>, computed without changing anything (for a merge preview). Events and
    /// resolutions not yet committed are left out: between grain calls there are none.
    /// </summary>
    public UserDelta PreviewReconcile(IReadOnlyDictionary<string, PlanResolution> survivorAliases)
    {
        var resolutions = new Dictionary<string, PlanResolution>(Resolutions, StringComparer.Ordinal);
        var rename = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (plan, resolution) in survivorAliases)
        {
            // The same rule as Learn then Commit: only named plans, only newer resolutions; figures follow the renaming.
            if (resolutions.TryGetValue(plan, out var old) && old.Version < resolution.Version)
            {
                if (old.Root != resolution.Root)
                {
                    rename[old.Root] = resolution.Root;
                }

                resolutions[plan] = resolution;
            }
        }

        var delta = new UserDelta();
        ComputeApplied(delta, -1, p => rename.GetValueOrDefault(p, p));
        UserContribution.Compute(UserId, Memberships, Usages, resolutions, delta, 1, countsMonths: CountsMonths);
        return UserContribution.Prune(delta);
    }

    /// <summary>The plan the user is a member of at <paramref name="at"/> (a surviving plan id), or null.</summary>
    public string? PlanAt(DateTimeOffset at) => Attribution.PlanAt(at);

    /// <summary>The open membership (surviving plan and since), or null.</summary>
    public (string PlanId, DateTimeOffset Since)? CurrentMembership()
    {
        var intervals = Attribution.Intervals;
        return intervals.Count > 0 && intervals[^1].To is null ? (intervals[^1].PlanId, intervals[^1].From) : null;
    }

    /// <summary>The membership intervals by event time, in surviving plan ids.</summary>
    public IReadOnlyList<MembershipInterval> Intervals() => Attribution.Intervals;

    /// <summary>The attribution of the committed events, computed when first needed (e.g. after loading).</summary>
    private UserAttribution Attribution => _attribution ??= ComputeApplied(delta: null, 1, fileUnder: null);

    private UserDelta CommitUsageOnly(UserAttribution attribution)
    {
        var delta = DeltaSpares?.Delta() ?? new UserDelta();
        if (_pendingUsages is { } pending)
        {
            foreach (var usage in pending)
            {
                attribution.AddUsage(usage, delta, pending.Count, DeltaSpares);
            }
        }

        ApplyPendingUsages();
        return delta;
    }

    /// <summary>Appends the pending usages to <see cref="Usages"/>, and gives their list back or keeps it empty.</summary>
    private void ApplyPendingUsages()
    {
        if (_pendingUsages is not { } pending)
        {
            return;
        }

        Usages.AddRange(pending);
        if (DeltaSpares is { } spares)
        {
            spares.Return(pending);
            _pendingUsages = null;
        }
        else
        {
            pending.Clear();
        }
    }

    /// <summary>
    /// <see cref="UnresolvedPlans"/> as a new list (null: none), in order of first mention, each once; a loop rather
    /// than a query: this runs for every batch with memberships.
    /// </summary>
    internal List<string>? FindUnresolvedPlans()
    {
        if (_pendingMemberships is null)
        {
            return null;
        }

        List<string>? unresolved = null;
        foreach (var membership in _pendingMemberships)
        {
            var plan = membership.PlanId;
            if (!Resolutions.ContainsKey(plan) && _pendingResolutions?.ContainsKey(plan) != true && unresolved?.Contains(plan) != true)
            {
                (unresolved ??= []).Add(plan);
            }
        }

        return unresolved;
    }

    private bool NamesPending(string planId)
    {
        if (_pendingMemberships is null)
        {
            return false;
        }

        foreach (var membership in _pendingMemberships)
        {
            if (membership.PlanId == planId)
            {
                return true;
            }
        }

        return false;
    }

    // A method of its own: a lambda in Commit would make Commit allocate its captured variables on every call.
    private static Func<string, string> Renaming(Dictionary<string, string> rename) => p => rename.GetValueOrDefault(p, p);

    /// <summary>The attribution of the committed events; adds their contribution times <paramref name="sign"/> to <paramref name="delta"/> if given.</summary>
    private UserAttribution ComputeApplied(UserDelta? delta, int sign, Func<string, string>? fileUnder) =>
        UserContribution.Compute(UserId, Memberships, Usages, Resolutions, delta, sign, fileUnder, CountsMonths, DeltaSpares);

    /// <summary>
    /// Whether <paramref name="eventId"/> is among the ids of <paramref name="applied"/> and <paramref name="pending"/>:
    /// searched in order while they are few, else looked up in <paramref name="ids"/>, made on first need and then kept
    /// in step by this call (an id not seen is added). Events reach the lists only through Ingest, so a set made once
    /// holds every id.
    /// </summary>
    private static bool Seen<T>(List<T> applied, List<T>? pending, ref HashSet<string>? ids, string eventId, Func<T, string> idOf)
    {
        // The same bound as CompactSet's: beyond it a search in order costs more than hashing.
        if (ids is null && applied.Count + (pending?.Count ?? 0) < CompactSet<string>.SearchLimit)
        {
            return Contains(applied, eventId, idOf) || (pending is not null && Contains(pending, eventId, idOf));
        }

        ids ??= new HashSet<string>(applied.Select(idOf).Concat(pending?.Select(idOf) ?? []), StringComparer.Ordinal);
        return !ids.Add(eventId);
    }

    private static bool Contains<T>(List<T> events, string eventId, Func<T, string> idOf)
    {
        foreach (var e in events)
        {
            if (string.Equals(idOf(e), eventId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
