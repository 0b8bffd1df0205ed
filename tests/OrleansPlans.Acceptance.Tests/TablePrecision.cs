using System.Globalization;
using System.Text.Json;
using OrleansPlans.Oracle;

namespace OrleansPlans.Acceptance.Tests;

/// <summary>
/// The one place where the expectation is adapted to the tables: PostgreSQL's <c>timestamptz</c> keeps microseconds,
/// while events (and so the oracle and the output topics) carry 100 ns ticks; Npgsql truncates the extra digit when the
/// sink writes <c>plan_members.member_since</c>. Everything else is compared exactly. (<c>hour_start</c> is whole hours.)
/// </summary>
internal static class TablePrecision
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    /// <summary>A copy of <paramref name="expected"/> with <c>member_since</c> truncated to microseconds; counts the rows changed.</summary>
    public static CanonicalTables ToTimestamptz(CanonicalTables expected, out int truncated)
    {
        var adapted = CanonicalTables.Empty();
        truncated = 0;
        foreach (var table in TableNames.All)
        {
            foreach (var (key, value) in expected[table])
            {
                if (table != TableNames.PlanMembers || value is null)
                {
                    adapted.Add(table, key, value);
                    continue;
                }

                using var row = JsonDocument.Parse(value);
                var since = DateTime.Parse(row.RootElement.GetProperty("member_since").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
                var stored = new DateTime(since.Ticks - since.Ticks % TicksPerMicrosecond, DateTimeKind.Utc);
                truncated += stored == since ? 0 : 1;
                adapted.Add(table, RowFormat.Member(row.RootElement.GetProperty("plan_id").GetString()!, row.RootElement.GetProperty("user_id").GetString()!, stored));
            }
        }

        return adapted;
    }
}
