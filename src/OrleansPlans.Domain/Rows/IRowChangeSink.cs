using OrleansPlans.Domain.Figures;

namespace OrleansPlans.Domain.Rows;

/// <summary>
/// Receives a plan's row changes as they are computed, one call per changed row, as the row's key columns and its
/// values (null: the row is deleted). A receiver that keeps rows as values (the in-memory engine's replica) makes no
/// row object and no key string per change; <see cref="RowChangeList"/> makes both, for a grain's emit.
/// </summary>
internal interface IRowChangeSink
{
    /// <summary>A <c>plan_usage_hourly</c> row.</summary>
    void Hour(string planId, DateTime hourStart, Tally? usage);

    /// <summary>A <c>plan_usage_daily</c> row.</summary>
    void Day(string planId, DateOnly day, DayTally? usage);

    /// <summary>A <c>plan_usage_monthly</c> row (keyed by the month's first day).</summary>
    void Month(string planId, DateOnly month, DayTally? usage);

    /// <summary>A <c>plan_content_usage</c> row.</summary>
    void Content(string planId, string contentId, Tally? usage);

    /// <summary>A <c>plan_members</c> row.</summary>
    void Member(string planId, string userId, DateTime? memberSince);

    /// <summary>The <c>plans</c> row.</summary>
    void Plan(string planId, PlanRowValues? values);
}

/// <summary>
/// The values of a <c>plans</c> row: merged into <paramref name="MergedInto"/> (null while it survives), with
/// <paramref name="MemberCount"/> open members (0 once merged).
/// </summary>
internal readonly record struct PlanRowValues(string? MergedInto, long MemberCount)
{
    /// <summary>The row these values make.</summary>
    public PlanRow Row(string planId) =>
        new(planId, MergedInto is null ? PlanRow.Active : PlanRow.Merged, MergedInto, MemberCount);
}
