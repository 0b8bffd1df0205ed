using System.Globalization;
using OrleansPlans.Domain.Rows;

namespace OrleansPlans.Benchmarks.Tests;

/// <summary>
/// The hand-written formatting of whole-second instants and days (made for the engine's hot path) must write exactly
/// what the general .NET formatter writes; the domain tests cover it too, but only for the instants they happen to use.
/// </summary>
public sealed class RowFormatFastPathTests
{
    [Fact]
    public void instants_and_days_are_written_as_the_general_formatter_writes_them()
    {
        var random = new Random(11);
        var instants = new List<DateTime>
        {
            DateTime.MinValue, DateTime.MaxValue, new(1, 1, 1, 0, 0, 0, DateTimeKind.Utc), new(9999, 12, 31, 23, 59, 59, DateTimeKind.Utc),
            new(2026, 3, 1, 9, 30, 0, DateTimeKind.Utc), new(2026, 3, 1, 9, 30, 0, 250, DateTimeKind.Utc),
        };
        for (var i = 0; i < 20_000; i++)
        {
            var ticks = (long)(random.NextDouble() * DateTime.MaxValue.Ticks);
            instants.Add(new DateTime(i % 2 == 0 ? ticks - (ticks % TimeSpan.TicksPerSecond) : ticks, DateTimeKind.Utc));
        }

        foreach (var instant in instants)
        {
            Assert.Equal(instant.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture), RowFormat.Instant(instant));
            var day = DateOnly.FromDateTime(instant);
            Assert.Equal(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), RowFormat.Day(day));
            Assert.Equal($"plan-7|{RowFormat.Instant(instant)}", PlanUsageHourlyRow.KeyOf("plan-7", instant));
            Assert.Equal($"plan-7|{RowFormat.Day(day)}", PlanUsageDailyRow.KeyOf("plan-7", day));
        }
    }
}
