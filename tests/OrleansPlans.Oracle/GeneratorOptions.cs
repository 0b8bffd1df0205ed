namespace OrleansPlans.Oracle;

/// <summary>Shape of a generated data set. The defaults give about 21,000 records over 10 days.</summary>
public sealed record GeneratorOptions
{
    /// <summary>Seed of the one random source; the same options always give the same records.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Number of users (about 10% of them never get a membership event).</summary>
    public int Users { get; init; } = 300;

    /// <summary>Number of ordinary plans named by membership events (a few extra plans never have events).</summary>
    public int Plans { get; init; } = 40;

    /// <summary>Approximate number of valid membership events.</summary>
    public int MembershipEvents { get; init; } = 4000;

    /// <summary>Number of valid usage events.</summary>
    public int UsageEvents { get; init; } = 16000;

    /// <summary>Number of merge records (applied, no-op and refused together).</summary>
    public int Merges { get; init; } = 40;

    /// <summary>Share (0..1) of records re-sent with the same bytes at a new position.</summary>
    public double DuplicateRate { get; init; } = 0.03;

    /// <summary>Share (0..1) of extra poison records; every poison kind appears at least once regardless.</summary>
    public double PoisonRate { get; init; } = 0.02;

    /// <summary>Share (0..1) of membership/usage records sent 1.5 to 8 days after their event time.</summary>
    public double LateRate { get; init; } = 0.05;

    /// <summary>Partitions of the membership and usage topics.</summary>
    public int Partitions { get; init; } = 4;

    /// <summary>
    /// Partitions of the merges topic. Defaults to 1 because merge refusal depends on arrival order, which
    /// is only well defined across different source plans within one partition.
    /// </summary>
    public int MergePartitions { get; init; } = 1;

    /// <summary>First instant (UTC) of the event-time range.</summary>
    public DateTime StartUtc { get; init; } = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Length of the event-time range.</summary>
    public TimeSpan Span { get; init; } = TimeSpan.FromDays(10);

    /// <summary>Throws with a message naming the first bad option.</summary>
    public void Validate()
    {
        Require(Users >= 2, nameof(Users), "must be at least 2");
        Require(Plans >= 8, nameof(Plans), "must be at least 8 (the merge script needs room)");
        Require(MembershipEvents >= 0, nameof(MembershipEvents), "must not be negative");
        Require(UsageEvents >= 0, nameof(UsageEvents), "must not be negative");
        Require(Merges >= 0, nameof(Merges), "must not be negative");
        Require(DuplicateRate is >= 0 and <= 1, nameof(DuplicateRate), "must be between 0 and 1");
        Require(PoisonRate is >= 0 and <= 1, nameof(PoisonRate), "must be between 0 and 1");
        Require(LateRate is >= 0 and <= 1, nameof(LateRate), "must be between 0 and 1");
        Require(Partitions >= 1, nameof(Partitions), "must be at least 1");
        Require(MergePartitions >= 1, nameof(MergePartitions), "must be at least 1");
        Require(StartUtc.Kind == DateTimeKind.Utc, nameof(StartUtc), "must have DateTimeKind.Utc");
        Require(StartUtc.Year is > 1 and < 9999, nameof(StartUtc), "must leave room for offsets and late events");
        Require(Span >= TimeSpan.FromDays(2), nameof(Span), "must be at least 2 days");
    }

    private static void Require(bool condition, string option, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"GeneratorOptions.{option} {rule}.", option);
        }
    }
}
