using System.Text;
using OrleansPlans.Domain.Plans;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Domain.Tests.Support;
using OrleansPlans.Oracle;

namespace OrleansPlans.Domain.Tests.Engine;

/// <summary>
/// A ledger stored in parts, written only with what changed, reads back as the ledger it was: the figures, users,
/// sequences and header of every plan, through deltas, registrations, hand-offs and absorbs in any order.
/// </summary>
public sealed class PlanLedgerPartsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void a_ledger_written_part_by_part_reads_back_equal_to_the_live_one(int seed)
    {
        var records = new EventGenerator(new GeneratorOptions
        {
            Seed = 500 + seed, Users = 40, Plans = 10, MembershipEvents = 300, UsageEvents = 1200, Merges = 30,
        }).Generate();
        var engine = new Domain.Engine.InMemoryPlanAnalytics();
        var stored = new Dictionary<string, Dictionary<string, byte[]>>(StringComparer.Ordinal);

        var accepted = 0;
        foreach (var record in records)
        {
            engine.Accept(OracleBridge.TopicOf(record.Topic), record.Key, record.Value, new Events.SourcePosition(record.Topic, record.Partition, record.Offset));
            foreach (var plan in engine.Plans)
            {
                Write(stored, plan);
            }

            if (++accepted % 150 == 0 || accepted == records.Count)
            {
                foreach (var plan in engine.Plans)
                {
                    AssertSame(plan, PlanLedgerParts.Load(plan.PlanId, stored[plan.PlanId]));
                }
            }
        }

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

        // The header, the new hour and day, the content, and the user's sequence: nothing of the first day.
        Assert.Equal(5, parts.Count);
        Assert.Contains(PlanLedgerParts.HeaderPart, parts.Keys);
        Assert.Equal(4, parts.Keys.Count(k => k.StartsWith("h/", StringComparison.Ordinal) || k.StartsWith("d/", StringComparison.Ordinal)
            || k.StartsWith("c/", StringComparison.Ordinal) || k.StartsWith("s/", StringComparison.Ordinal)));
        Assert.Equal("140,2", Encoding.UTF8.GetString(parts.Single(p => p.Key.StartsWith("c/", StringComparison.Ordinal)).Value!));
    }

    private static void Write(Dictionary<string, Dictionary<string, byte[]>> stored, PlanLedger plan)
    {
        if (!stored.TryGetValue(plan.PlanId, out var parts))
        {
            stored[plan.PlanId] = parts = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        }

        foreach (var (name, value) in PlanLedgerParts.TakeUnsaved(plan))
        {
            if (value is null)
            {
                parts.Remove(name);
            }
            else
            {
                parts[name] = value;
            }
        }
    }

    private static void AssertSame(PlanLedger live, PlanLedger loaded)
    {
        Assert.Equal(Canonical(live), Canonical(loaded));
        Assert.Equal(live.CurrentRows().Select(RowJson.ToText).Order(StringComparer.Ordinal), loaded.CurrentRows().Select(RowJson.ToText).Order(StringComparer.Ordinal));
        Assert.Equal(live.Figures.MemberCount(), loaded.Figures.MemberCount());
    }

    private static List<string> Canonical(PlanLedger ledger) =>
        PlanLedgerParts.All(ledger).Select(p => p.Key + "=" + Encoding.UTF8.GetString(p.Value)).Order(StringComparer.Ordinal).ToList();
}
