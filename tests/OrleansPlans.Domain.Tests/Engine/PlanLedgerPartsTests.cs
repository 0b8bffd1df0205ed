using System.Text;
using OrleansPlans.Domain.Plans;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Domain.Tests.Support;
using OrleansPlans.Oracle;

namespace OrleansPlans.Domain.Tests.Engine;

/// <summary>
/// A ledger stored in parts, written only with what changed, reads back as the ledger it was: the figures, users,
/// sequences and header of every plan, through deltas, registrations, hand-offs and absorbs, and every unattributed day.
/// </summary>
public sealed class PlanLedgerPartsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ledgers_written_part_by_part_read_back_equal_to_the_live_ones(int seed)
    {
        var stored = new StoredParts();
        var engine = StoredParts.Replay(
            new GeneratorOptions { Seed = 500 + seed, Users = 40, Plans = 10, MembershipEvents = 300, UsageEvents = 1200, Merges = 30 },
            checkEvery: 150,
            write: engine =>
            {
                foreach (var plan in engine.Plans)
                {
                    stored.Write(plan.PlanId, PlanLedgerParts.TakeUnsaved(plan));
                }

                foreach (var day in engine.UnattributedDays)
                {
                    stored.Write(DayKey(day), UnattributedLedgerParts.TakeUnsaved(day));
                }
            },
            check: engine =>
            {
                foreach (var plan in engine.Plans)
                {
                    AssertSame(plan, PlanLedgerParts.Load(plan.PlanId, stored[plan.PlanId]));
                }

                foreach (var day in engine.UnattributedDays)
                {
                    var loaded = UnattributedLedgerParts.Load(day.Day, stored[DayKey(day)]);
                    Assert.Equal(Canonical(UnattributedLedgerParts.All(day)), Canonical(UnattributedLedgerParts.All(loaded)));
                    Assert.Equal(day.CurrentRow(), loaded.CurrentRow());
                }
            });

        // Merges happened, so hand-offs and absorbs were written in parts too.
        Assert.Contains(engine.Tables[OutputTables.Plans].Values, row => row is PlanRow { Status: PlanRow.Merged });
    }

    [Fact]
    public void a_write_carries_only_the_parts_that_changed()
    {
        var s = new Scenario()
            .Added("m-1", "plan-a", "user-1", "2026-03-01T08:00:00Z")
            .Used("u-1", "user-1", "2026-03-01T10:00:00Z", seconds: 100);
        var plan = s.Engine.FindPlan("plan-a")!;
        PlanLedgerParts.TakeUnsaved(plan);

        s.Used("u-2", "user-1", "2026-03-02T11:00:00Z", seconds: 40);
        var parts = PlanLedgerParts.TakeUnsaved(plan);

        // The header, the new hour and day, the month (both days are in it), the content, and the user's sequence:
        // nothing of the first day.
        Assert.Equal(6, parts.Count);
        Assert.Contains(PlanLedgerParts.HeaderPart, parts.Keys);
        Assert.Equal("140,2,1", Encoding.UTF8.GetString(parts.Single(p => p.Key.StartsWith("mo/", StringComparison.Ordinal)).Value!));
        Assert.Equal(4, parts.Keys.Count(k => k.StartsWith("h/", StringComparison.Ordinal) || k.StartsWith("d/", StringComparison.Ordinal)
            || k.StartsWith("c/", StringComparison.Ordinal) || k.StartsWith("s/", StringComparison.Ordinal)));
        Assert.Equal("140,2", Encoding.UTF8.GetString(parts.Single(p => p.Key.StartsWith("c/", StringComparison.Ordinal)).Value!));
    }

    private static string DayKey(UnattributedLedger day) => $"day {day.Day:yyyy-MM-dd}";

    private static void AssertSame(PlanLedger live, PlanLedger loaded)
    {
        Assert.Equal(Canonical(live), Canonical(loaded));
        Assert.Equal(live.CurrentRows().Select(RowJson.ToText).Order(StringComparer.Ordinal), loaded.CurrentRows().Select(RowJson.ToText).Order(StringComparer.Ordinal));
        Assert.Equal(live.Figures.MemberCount(), loaded.Figures.MemberCount());
    }

    private static List<string> Canonical(PlanLedger ledger) => Canonical(PlanLedgerParts.All(ledger));

    private static List<string> Canonical(IEnumerable<KeyValuePair<string, byte[]>> parts) =>
        parts.Select(p => p.Key + "=" + Encoding.UTF8.GetString(p.Value)).Order(StringComparer.Ordinal).ToList();
}
