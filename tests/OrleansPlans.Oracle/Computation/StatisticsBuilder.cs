using OrleansPlans.Oracle.Validation;

namespace OrleansPlans.Oracle.Computation;

/// <summary>Counts, over a finished <see cref="OracleRun"/>, how often each contract rule came into play.</summary>
internal static class StatisticsBuilder
{
    public static OracleStatistics Build(OracleRun run)
    {
        var events = run.Accepted.Select(a => a.Event).ToList();
        var namedByMembership = new HashSet<string>(run.Memberships.Select(m => m.PlanId), StringComparer.Ordinal);
        var applied = run.Merges.Where(m => m.Decision == MergeDecision.Applied).ToList();
        var mergeArrival = applied.ToDictionary(m => m.Event.SourcePlanId, m => m.Arrival, StringComparer.Ordinal);
        var arrivalOf = run.Accepted.ToDictionary(a => (object)a.Event, a => a.Arrival, ReferenceEqualityComparer.Instance);
        var namingMerged = run.Memberships.Where(m => mergeArrival.ContainsKey(m.PlanId)).ToList();
        var timelines = run.Timelines.Values.ToList();

        return new OracleStatistics
        {
            DistinctValidEvents = new Dictionary<string, int>(StringComparer.Ordinal)
            {
                [Topics.Membership] = run.Memberships.Count,
                [Topics.Usage] = run.Usages.Count,
                [Topics.Merges] = run.Merges.Count,
            },
            DuplicatesIgnored = new Dictionary<string, int>(run.DuplicatesByTopic, StringComparer.Ordinal),
            InvalidByReason = run.DeadLetters
                .Where(d => !d.Reason.StartsWith("merge refused", StringComparison.Ordinal))
                .GroupBy(d => d.Reason, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            IgnoredOtherTopic = run.IgnoredOtherTopic,
            MergesApplied = applied.Count,
            MergesNoOp = run.Merges.Count(m => m.Decision == MergeDecision.NoOp),
            MergesRefusedSelf = run.Merges.Count(m => m.Decision == MergeDecision.RefusedSelf),
            MergesRefusedConflict = run.Merges.Count(m => m.Decision == MergeDecision.RefusedConflict),
            MergesRefusedCycle = run.Merges.Count(m => m.Decision == MergeDecision.RefusedCycle),
            MergesIntoMergedTarget = applied.Count(m => m.TargetWasMerged),
            MergesOfPlansWithoutMembership = applied.Count(m =>
                !namedByMembership.Contains(m.Event.SourcePlanId) || !namedByMembership.Contains(m.Event.TargetPlanId)),
            LongestMergeChain = run.MergeBook.MergedPlans.Select(run.MergeBook.Depth).DefaultIfEmpty(0).Max(),
            MembershipNamingMergedPlanBeforeMerge = namingMerged.Count(m => arrivalOf[m] < mergeArrival[m.PlanId]),
            MembershipNamingMergedPlanAfterMerge = namingMerged.Count(m => arrivalOf[m] > mergeArrival[m.PlanId]),
            UsersWithSeveralPlans = timelines.Count(t => t.Intervals.Select(i => i.PlanId).Distinct(StringComparer.Ordinal).Count() >= 2),
            IneffectiveRemovals = timelines.Sum(t => t.IneffectiveRemovals),
            ReAddsOfCurrentPlan = timelines.Sum(t => t.ReAddsOfCurrentPlan),
            SameInstantMembershipPairs = timelines.Sum(t => t.SameInstantPairs),
            AddRemovePairsAtOneInstant = timelines.Sum(t => t.AddRemovePairsAtOneInstant),
            ZeroLengthIntervals = timelines.Sum(t => t.Intervals.Count(i => i.IsZeroLength)),
            UsageAttributed = run.Attributions.Count(a => a.Plan is not null),
            UsageUnattributed = run.Attributions.Count(a => a.Plan is null),
            UsageBeforeAnyMembership = run.Usages.Count(u =>
                !run.Timelines.TryGetValue(u.UserId, out var t) || t.FirstEventAt > u.OccurredAt.Utc),
            UsageAtIntervalBoundary = run.Usages.Count(u => IntervalsOf(run, u).Any(i => i.From == u.OccurredAt.Utc || i.To == u.OccurredAt.Utc)),
            UsageInsideZeroLengthInterval = run.Usages.Count(u => IntervalsOf(run, u).Any(i => i.IsZeroLength && i.From == u.OccurredAt.Utc)),
            LateEvents = CountLate(events),
            EventsWithUnknownFields = events.Count(e => e.HasUnknownFields),
            NonUtcOffsets = events.Count(e => e.OccurredAt.Offset != TimeSpan.Zero),
            OffsetsCrossingUtcDay = events.Count(e => e.OccurredAt.LocalDate != DateOnly.FromDateTime(e.OccurredAt.Utc)),
            FractionalSeconds = events.Count(e => e.OccurredAt.HasFraction),
            NanosecondFractions = events.Count(e => e.OccurredAt.HasNanoseconds),
            NullKeys = events.Count(e => e.Source.Key is null),
        };
    }

    private static IReadOnlyList<Interval> IntervalsOf(OracleRun run, UsageEvent usage) =>
        run.Timelines.TryGetValue(usage.UserId, out var t) ? t.Intervals : [];

    private static int CountLate(IEnumerable<InputEvent> eventsInArrivalOrder)
    {
        var latest = DateTime.MinValue;
        var late = 0;
        foreach (var e in eventsInArrivalOrder.Where(e => e is not MergeEvent))
        {
            var t = e.OccurredAt.Utc;
            if (t + TimeSpan.FromDays(1) < latest)
            {
                late++;
            }

            latest = t > latest ? t : latest;
        }

        return late;
    }
}
