using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Projection.Tests;

/// <summary>Seeded random row changes over small key spaces, so keys are updated and deleted many times.</summary>
internal static class RowGenerator
{
    private static readonly DateTime Start = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <param name="seed">The random seed.</param>
    /// <param name="count">How many changes.</param>
    /// <param name="map">Rewrites each generated row (e.g. to give each publisher its own keys).</param>
    public static List<RowChange> Changes(int seed, int count, Func<OutputRow, OutputRow>? map = null)
    {
        var random = new Random(seed);
        var changes = new List<RowChange>(count);
        for (var i = 0; i < count; i++)
        {
            var row = Row(random);
            row = map?.Invoke(row) ?? row;
            changes.Add(random.Next(5) == 0 ? new RowChange(row.Table, row.Key, null) : new RowChange(row.Table, row.Key, row));
        }

        return changes;
    }

    /// <summary>The latest change of every key, as the tables must hold it: table|key → JSON (deleted keys absent).</summary>
    public static HashSet<string> Expected(IEnumerable<RowChange> changes)
    {
        var latest = new Dictionary<(string, string), RowChange>();
        foreach (var change in changes)
        {
            latest[(change.Table, change.Key)] = change;
        }

        return latest.Values.Where(c => c.Row is not null).Select(c => TableReader.Describe(c.Row!)).ToHashSet();
    }

    public static OutputRow Row(Random random)
    {
        var plan = $"plan-{random.Next(4)}";
        var seconds = random.Next(1, 100_000);
        var events = random.Next(1, 500);
        return random.Next(8) switch
        {
            0 => new PlanUsageHourlyRow(plan, Start.AddHours(random.Next(6)), seconds, events),
            1 => new PlanUsageDailyRow(plan, DateOnly.FromDateTime(Start).AddDays(random.Next(4)), seconds, events, random.Next(1, 9)),
            2 => new PlanContentUsageRow(plan, $"course-{random.Next(5)}", seconds, events),
            3 => new PlanMemberRow(plan, $"user-{random.Next(6)}", Start.AddMilliseconds(random.Next(1, 90_000_000))),
            4 => random.Next(2) == 0
                ? new PlanRow(plan, PlanRow.Active, null, random.Next(0, 50))
                : new PlanRow(plan, PlanRow.Merged, $"plan-{random.Next(4, 6)}", 0),
            5 => new UnattributedUsageDailyRow(DateOnly.FromDateTime(Start).AddDays(random.Next(4)), seconds, events),
            6 => new PlanUsageMonthlyRow(plan, new DateOnly(Start.Year, Start.Month, 1).AddMonths(random.Next(3)), seconds, events, random.Next(1, 9)),
            _ => new DeadLetterRow(
                new SourcePosition("content-usage", random.Next(3), random.Next(6)),
                $"reason {random.Next(100)}",
                random.Next(3) == 0 ? null : [.. Enumerable.Range(0, random.Next(0, 20)).Select(_ => (byte)random.Next(256))],
                new DateTimeOffset(Start.AddSeconds(random.Next(1, 100_000)))),
        };
    }
}
