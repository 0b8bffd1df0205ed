using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Benchmarks.Sink;

/// <summary>
/// Output-topic records as the projector writes them, for driving the sink alone: row updates over a key space a
/// quarter the size of the stream (so most rows are updated several times, within a sink batch and across batches)
/// and a few tombstones, over the four tables a usage stream feeds. Every value is the record's position, so the
/// expected last state of each row is known exactly.
/// </summary>
public sealed class OutputRecordStream
{
    private static readonly DateTime Start = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private OutputRecordStream(IReadOnlyList<RowChange> changes)
    {
        Changes = changes;
        var last = new Dictionary<(string Table, string Key), RowChange>();
        foreach (var change in changes)
        {
            last[(change.Table, change.Key)] = change;
        }

        var rows = last.Values.Where(c => c.Row is not null).Select(c => c.Row!).ToList();
        RowCounts = rows.GroupBy(r => r.Table).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        HourlySeconds = rows.OfType<PlanUsageHourlyRow>().Sum(r => r.Seconds);
    }

    /// <summary>The records in produce order (a null row is a tombstone).</summary>
    public IReadOnlyList<RowChange> Changes { get; }

    /// <summary>Rows each table holds once every record is applied.</summary>
    public IReadOnlyDictionary<string, long> RowCounts { get; }

    /// <summary>Sum of <c>seconds</c> over <c>plan_usage_hourly</c> once every record is applied (checks that the last record of each row won).</summary>
    public long HourlySeconds { get; }

    /// <summary>The tables the stream writes.</summary>
    public static IReadOnlyList<string> Tables { get; } =
        [OutputTables.PlanUsageHourly, OutputTables.PlanUsageDaily, OutputTables.PlanContentUsage, OutputTables.PlanMembers];

    /// <summary>Generates <paramref name="count"/> records from <paramref name="seed"/>.</summary>
    public static OutputRecordStream Generate(int count, int seed)
    {
        var random = new Random(seed);
        var keys = Math.Max(1, count / 4);
        var changes = new List<RowChange>(count);
        for (var i = 0; i < count; i++)
        {
            var row = Row(random.Next(keys), i + 1);
            // 2%: a tombstone (a member leaving, a row of a merged plan going away).
            changes.Add(random.Next(50) == 0 ? new RowChange(row.Table, row.Key, null) : new RowChange(row.Table, row.Key, row));
        }

        return new OutputRecordStream(changes);
    }

    // Key k names one row of one table (k mod 10 picks the table, the pair (k mod 1000, k / 1000) the row).
    private static OutputRow Row(int k, long value)
    {
        var plan = $"plan-{k % 1000}";
        var slot = k / 1000;
        return (k % 10) switch
        {
            < 4 => new PlanUsageHourlyRow(plan, Start.AddHours(slot), value, 1),
            < 6 => new PlanUsageDailyRow(plan, DateOnly.FromDateTime(Start).AddDays(slot), value, 1, 1),
            < 9 => new PlanContentUsageRow(plan, $"content-{slot}", value, 1),
            _ => new PlanMemberRow(plan, $"user-{slot}", Start.AddSeconds(value)),
        };
    }
}
