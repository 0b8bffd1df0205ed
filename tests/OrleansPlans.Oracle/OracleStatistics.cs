namespace OrleansPlans.Oracle;

/// <summary>
/// What one oracle run saw, so tests can prove a data set actually exercises each contract rule
/// (a generator that silently stops producing, say, cycles would otherwise go unnoticed).
/// </summary>
public sealed record OracleStatistics
{
    /// <summary>Distinct valid events per input topic.</summary>
    public required IReadOnlyDictionary<string, int> DistinctValidEvents { get; init; }

    /// <summary>Valid records ignored because their eventId was already seen, per topic.</summary>
    public required IReadOnlyDictionary<string, int> DuplicatesIgnored { get; init; }

    /// <summary>Invalid records (not counting refused merges), by reason.</summary>
    public required IReadOnlyDictionary<string, int> InvalidByReason { get; init; }

    /// <summary>Records on topics that are not input topics.</summary>
    public int IgnoredOtherTopic { get; init; }

    /// <summary>Merges applied.</summary>
    public int MergesApplied { get; init; }

    /// <summary>Merges that repeated an applied merge (no-op, not dead-lettered).</summary>
    public int MergesNoOp { get; init; }

    /// <summary>Merges refused because source equals target.</summary>
    public int MergesRefusedSelf { get; init; }

    /// <summary>Merges refused because the source was already merged elsewhere.</summary>
    public int MergesRefusedConflict { get; init; }

    /// <summary>Merges refused because the target resolved to the source.</summary>
    public int MergesRefusedCycle { get; init; }

    /// <summary>Applied merges whose target was already merged away (the chain extends through it).</summary>
    public int MergesIntoMergedTarget { get; init; }

    /// <summary>Applied merges whose source or target no valid membership event names.</summary>
    public int MergesOfPlansWithoutMembership { get; init; }

    /// <summary>The most merge hops from any plan to its root.</summary>
    public int LongestMergeChain { get; init; }

    /// <summary>Membership events naming a merged plan that arrived before that plan's merge.</summary>
    public int MembershipNamingMergedPlanBeforeMerge { get; init; }

    /// <summary>Membership events naming a merged plan that arrived after that plan's merge.</summary>
    public int MembershipNamingMergedPlanAfterMerge { get; init; }

    /// <summary>Users whose timeline has intervals in at least two plans.</summary>
    public int UsersWithSeveralPlans { get; init; }

    /// <summary>member_removed events that changed nothing.</summary>
    public int IneffectiveRemovals { get; init; }

    /// <summary>member_added events for the plan the user was already in.</summary>
    public int ReAddsOfCurrentPlan { get; init; }

    /// <summary>Consecutive same-user membership events with the same occurredAt.</summary>
    public int SameInstantMembershipPairs { get; init; }

    /// <summary>Of those, pairs of an added and a removed for the same (resolved) plan.</summary>
    public int AddRemovePairsAtOneInstant { get; init; }

    /// <summary>Memberships with from == to.</summary>
    public int ZeroLengthIntervals { get; init; }

    /// <summary>Usage events attributed to a plan.</summary>
    public int UsageAttributed { get; init; }

    /// <summary>Usage events attributed to no plan.</summary>
    public int UsageUnattributed { get; init; }

    /// <summary>Usage events earlier than their user's first membership event (or of users without any).</summary>
    public int UsageBeforeAnyMembership { get; init; }

    /// <summary>Usage events exactly at the start or end of one of their user's intervals.</summary>
    public int UsageAtIntervalBoundary { get; init; }

    /// <summary>Usage events exactly at the instant of one of their user's zero-length intervals.</summary>
    public int UsageInsideZeroLengthInterval { get; init; }

    /// <summary>Membership/usage events arriving ≥ 1 day earlier (event time) than one arrived before them.</summary>
    public int LateEvents { get; init; }

    /// <summary>Valid events carrying fields the contract does not name.</summary>
    public int EventsWithUnknownFields { get; init; }

    /// <summary>Valid events whose occurredAt has a non-zero offset.</summary>
    public int NonUtcOffsets { get; init; }

    /// <summary>Valid events whose local date differs from their UTC date.</summary>
    public int OffsetsCrossingUtcDay { get; init; }

    /// <summary>Valid events whose occurredAt has fractional seconds.</summary>
    public int FractionalSeconds { get; init; }

    /// <summary>Valid events whose occurredAt has 8 or 9 fraction digits (Java's and Go's nanoseconds).</summary>
    public int NanosecondFractions { get; init; }

    /// <summary>Valid events whose record had no key.</summary>
    public int NullKeys { get; init; }
}
