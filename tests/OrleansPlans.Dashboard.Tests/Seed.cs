namespace OrleansPlans.Dashboard.Tests;

/// <summary>
/// The rows the fixture writes into the analytics tables, in the shape the sink writes them, and the facts tests
/// derive from them. Today is <see cref="Today"/>, so the 30-day window is 2026-03-02 to 2026-03-31.
/// </summary>
internal static class Seed
{
    public const string Schema = "dash_analytics";
    public static readonly DateOnly Today = new(2026, 3, 31);
    public static readonly DateTimeOffset Now = new(2026, 3, 31, 15, 0, 0, TimeSpan.Zero);

    public const string Alpha = "plan-alpha";   // active, 3 members, usage inside and outside the window
    public const string Beta = "plan-beta";     // merged into alpha
    public const string Delta = "plan-delta";   // merged into beta, then beta into alpha: resolves to alpha
    public const string Gamma = "plan-Gamma";   // active, mixed case (search ignores case), 1 member
    public const int BulkPlans = 12;            // bulk-01 … bulk-12: active, no usage, for paging

    public static string Bulk(int i) => $"bulk-{i:00}";

    /// <summary>The last bulk plan: its only usage is on 2026-01-15, long before the 30-day window.</summary>
    public static readonly string IdlePlan = Bulk(BulkPlans);

    public static readonly DateTimeOffset UserBSince = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero).AddTicks(1_234_560);

    public static string Sql(string s) => $"""
        insert into {s}.plans (plan_id, status, merged_into, member_count) values
          ('{Alpha}', 'active', null, 3), ('{Beta}', 'merged', '{Alpha}', 0), ('{Delta}', 'merged', '{Alpha}', 0), ('{Gamma}', 'active', null, 1);
        insert into {s}.plans (plan_id, status, merged_into, member_count)
          select 'bulk-' || lpad(i::text, 2, '0'), 'active', null, 0 from generate_series(1, {BulkPlans}) i;
        insert into {s}.plan_usage_daily (plan_id, day, seconds, events, active_users) values
          ('{Alpha}', '2026-02-10', 500, 1, 1),
          ('{Alpha}', '2026-03-01', 999, 9, 1),
          ('{Alpha}', '2026-03-02', 3600, 2, 2),
          ('{Alpha}', '2026-03-15', 7200, 4, 3),
          ('{Alpha}', '2026-03-31', 1800, 1, 1),
          ('{Gamma}', '2026-03-20', 600, 1, 1),
          ('{IdlePlan}', '2026-01-15', 900, 3, 2);
        insert into {s}.plan_usage_monthly (plan_id, month, seconds, events, active_users) values
          ('{Alpha}', '2025-03-01', 100, 1, 1),
          ('{Alpha}', '2026-02-01', 500, 1, 1),
          ('{Alpha}', '2026-03-01', 13599, 16, 4),
          ('{Gamma}', '2026-03-01', 600, 1, 1),
          ('{IdlePlan}', '2026-01-01', 900, 3, 2);
        insert into {s}.plan_members (plan_id, user_id, member_since) values
          ('{Alpha}', 'user-a', '2026-02-01T09:30:00Z'),
          ('{Alpha}', 'user-b', '2026-03-02T10:00:00.123456Z'),
          ('{Alpha}', 'user-c', '2026-03-10T00:00:00Z'),
          ('{Gamma}', 'user-g', '2026-03-05T12:00:00Z');
        insert into {s}.dead_letters (source_topic, source_partition, source_offset, reason, raw_value, received_at) values
          ('content-usage', 3, 41, 'field ''seconds'' is 0; it must be from 1 to 86400', '\x7b7d'::bytea, '2026-03-30T08:00:00Z'),
          ('plan-merges', 0, 7, 'merge refused: plan-x is already merged into plan-y', null, '2026-03-31T09:00:00Z');
        """;
}
