using System.Runtime.InteropServices;
using OrleansPlans.Domain.Events;

namespace OrleansPlans.Domain.Figures;

/// <summary>
/// Additive figures of one plan: usage by hour, by day and by month (each with active users) and by content, and open
/// memberships.
/// The same shape serves as one user's contribution to a plan, as a delta between two contributions, and as a
/// plan's totals; because everything is a sum, deltas commute and may arrive in any order.
/// </summary>
public sealed class PlanFigures
{
    private Dictionary<string, Dictionary<DateTime, int>>? _members;
    private Dictionary<DateOnly, DayTally>? _monthly;

    // Users with an open membership, once counted (see MemberCount); kept in step by AddMember, null until then.
    private long? _memberCount;

    /// <summary>Creates empty figures.</summary>
    public PlanFigures()
        : this(0)
    {
    }

    private PlanFigures(int capacity)
    {
        Hourly = new(capacity);
        Daily = new(capacity);
        Content = new(capacity);
    }

    /// <summary>Usage per UTC hour start.</summary>
    public Dictionary<DateTime, Tally> Hourly { get; init; }

    /// <summary>Usage per UTC day; <see cref="DayTally.ActiveUsers"/> counts users with usage that day.</summary>
    public Dictionary<DateOnly, DayTally> Daily { get; init; }

    /// <summary>Usage per content id.</summary>
    public Dictionary<string, Tally> Content { get; init; }

    /// <summary>
    /// Usage per UTC calendar month (keyed by its first day); <see cref="DayTally.ActiveUsers"/> counts users with usage
    /// that month. Empty when the months are not counted (<see cref="Users.UserTimeline.CountsMonths"/>).
    /// </summary>
    /// <remarks>Made on first use, like <see cref="Members"/>.</remarks>
    public Dictionary<DateOnly, DayTally> Monthly
    {
        get => _monthly ??= [];
        init => _monthly = value;
    }

    /// <summary>
    /// Open memberships: user, then member-since instant, then multiplicity. A settled plan has multiplicity 1 and a
    /// single since per user; while a merge is being reconciled a user may transiently appear twice.
    /// </summary>
    /// <remarks>
    /// Made on first use: most figures are usage deltas, which name no member. Change it only through
    /// <see cref="AddMember"/> and <see cref="Add"/>, which keep <see cref="MemberCount"/>'s tally in step.
    /// </remarks>
    public Dictionary<string, Dictionary<DateTime, int>> Members
    {
        get => _members ??= [];
        init => _members = value;
    }

    /// <summary>
    /// Empty figures with room for <paramref name="usages"/> usage events without growing (a user's delta for a batch:
    /// growing from the default size left a discarded array per table behind for most batches).
    /// </summary>
    internal static PlanFigures ForUsages(int usages) => new(usages);

    /// <summary>Empties these figures, keeping the tables' capacity (see <c>Users.DeltaSpares</c>).</summary>
    internal void Clear()
    {
        Hourly.Clear();
        Daily.Clear();
        Content.Clear();
        _monthly?.Clear();
        _members?.Clear();
        _memberCount = null;
    }

    /// <summary>True when nothing is recorded.</summary>
    public bool IsEmpty => Hourly.Count == 0 && Daily.Count == 0 && (_monthly?.Count ?? 0) == 0 && Content.Count == 0 && MemberUsers == 0;

    /// <summary>The number of users with a member entry (open or transient), without making the member map.</summary>
    internal int MemberUsers => _members?.Count ?? 0;

    /// <summary>Counts one usage event (without touching active users, which depend on the whole day and month).</summary>
    public void AddUsage(UsageEvent usage) => AddUsage(usage, UtcBuckets.DayOf(usage.OccurredAt), 1, countsActiveUser: false, monthActiveUser: false);

    /// <summary>
    /// Adds one usage event times <paramref name="sign"/> (a negative sign takes it away) and, when
    /// <paramref name="countsActiveUser"/>, one active user of its day times the sign: only the user's whole day can tell
    /// whether this is the user's first usage that day in the plan. Likewise for its month when
    /// <paramref name="monthActiveUser"/> is given (null: months are not counted, and the usage is not added to one).
    /// One lookup per row (the user's hot path).
    /// </summary>
    internal void AddUsage(UsageEvent usage, DateOnly usageDay, int sign, bool countsActiveUser, bool? monthActiveUser)
    {
        var one = new Tally(sign * usage.Seconds, sign);
        ref var hour = ref CollectionsMarshal.GetValueRefOrAddDefault(Hourly, UtcBuckets.HourOf(usage.OccurredAt), out _);
        hour = hour.Plus(one, 1);
        ref var day = ref CollectionsMarshal.GetValueRefOrAddDefault(Daily, usageDay, out _);
        day = day.Plus(new DayTally(one.Seconds, one.Events, countsActiveUser ? sign : 0), 1);
        ref var content = ref CollectionsMarshal.GetValueRefOrAddDefault(Content, usage.ContentId, out _);
        content = content.Plus(one, 1);
        if (monthActiveUser is { } firstInMonth)
        {
            ref var month = ref CollectionsMarshal.GetValueRefOrAddDefault(Monthly, UtcBuckets.MonthOf(usageDay), out _);
            month = month.Plus(new DayTally(one.Seconds, one.Events, firstInMonth ? sign : 0), 1);
        }
    }

    /// <summary>Records an open membership of <paramref name="userId"/> since <paramref name="since"/>.</summary>
    public void AddMember(string userId, DateTime since, int sign = 1)
    {
        if (!Members.TryGetValue(userId, out var sinces))
        {
            Members[userId] = sinces = new Dictionary<DateTime, int>(1);
        }

        var wasMember = _memberCount is not null && IsOpen(sinces);
        ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(sinces, since, out _);
        count += sign;
        if (count == 0)
        {
            sinces.Remove(since);
            if (sinces.Count == 0)
            {
                Members.Remove(userId);
            }
        }

        if (_memberCount is { } members)
        {
            _memberCount = members - (wasMember ? 1 : 0) + (IsOpen(sinces) ? 1 : 0);
        }
    }

    /// <summary>Adds <paramref name="other"/> scaled by <paramref name="sign"/>; zero entries are removed.</summary>
    public void Add(PlanFigures other, int sign, FigureChanges? changes = null)
    {
        AddAll(Hourly, other.Hourly, sign, changes?.Hours);
        AddAll(Daily, other.Daily, sign, changes?.Days);
        AddAll(Content, other.Content, sign, changes?.Contents);
        if (other._monthly is { Count: > 0 } otherMonthly)
        {
            AddAll(Monthly, otherMonthly, sign, changes?.Months);
        }

        if (other._members is not { Count: > 0 } otherMembers)
        {
            return;
        }

        foreach (var (user, sinces) in otherMembers)
        {
            foreach (var (since, count) in sinces)
            {
                AddMember(user, since, sign * count);
            }

            changes?.Members.Add(user);
        }
    }

    // Generic over struct values, so the JIT specialises it per total type: no delegates on this hot path.
    private static void AddAll<TKey, TValue>(Dictionary<TKey, TValue> mine, Dictionary<TKey, TValue> other, int sign, HashSet<TKey>? changed)
        where TKey : notnull
        where TValue : struct, ISignedSum<TValue>
    {
        foreach (var (key, value) in other)
        {
            ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(mine, key, out _);
            total = total.Plus(value, sign);
            if (total.IsZero)
            {
                mine.Remove(key);
            }

            changed?.Add(key);
        }
    }

    /// <summary>Marks every key of these figures in <paramref name="changes"/> (used when all of them move away).</summary>
    public void MarkAll(FigureChanges changes)
    {
        changes.Hours.UnionWith(Hourly.Keys);
        changes.Days.UnionWith(Daily.Keys);
        changes.Contents.UnionWith(Content.Keys);
        if (_monthly is not null)
        {
            changes.Months.UnionWith(_monthly.Keys);
        }

        if (_members is not null)
        {
            changes.Members.UnionWith(_members.Keys);
        }
    }

    /// <summary>The member-since of <paramref name="userId"/> when the user is an open member, else null.</summary>
    public DateTime? MemberSince(string userId)
    {
        if (!Members.TryGetValue(userId, out var sinces))
        {
            return null;
        }

        // Settled state has exactly one entry with count 1; transient duplicates resolve to the earliest.
        DateTime? best = null;
        foreach (var (since, count) in sinces)
        {
            if (count > 0 && (best is null || since < best))
            {
                best = since;
            }
        }

        return best;
    }

    /// <summary>The number of users with an open membership.</summary>
    public long MemberCount()
    {
        // Counted once, then kept in step by AddMember: a plan's row is rewritten on every membership change, and
        // counting thousands of members each time dominated those batches.
        if (_memberCount is { } known)
        {
            return known;
        }

        long count = 0;
        if (_members is not null)
        {
            foreach (var sinces in _members.Values)
            {
                count += IsOpen(sinces) ? 1 : 0;
            }
        }

        _memberCount = count;
        return count;
    }

    // Same test as MemberSince: some since with a positive count.
    private static bool IsOpen(Dictionary<DateTime, int> sinces)
    {
        foreach (var count in sinces.Values)
        {
            if (count > 0)
            {
                return true;
            }
        }

        return false;
    }
}
