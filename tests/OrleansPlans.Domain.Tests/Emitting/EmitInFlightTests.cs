using System.Text.Json;
using OrleansPlans.Domain.Plans;
using OrleansPlans.Domain.Serialization;

namespace OrleansPlans.Domain.Tests.Emitting;

/// <summary>
/// Rows taken for an emit stay in the persisted state until the emit is acknowledged: a state written while the emit
/// is in flight (another change's commit) must still bring them back after the process dies.
/// </summary>
public sealed class EmitInFlightTests
{
    [Fact]
    public void rows_taken_but_not_acknowledged_come_back_from_a_state_written_meanwhile()
    {
        var ledger = new PlanLedger("plan-a");
        ledger.MarkNamed();
        var taken = ledger.TakeRowChanges();
        Assert.NotEmpty(taken);

        // Another call commits while the emit is in flight; then the process dies before the acknowledgement.
        var restored = Reload(ledger);
        restored.ResumeEmitting();

        Assert.Equal(taken.Select(c => c.Key), restored.TakeRowChanges().Select(c => c.Key));
    }

    [Fact]
    public void acknowledged_rows_are_not_emitted_again_after_a_restart()
    {
        var ledger = new PlanLedger("plan-a");
        ledger.MarkNamed();
        _ = ledger.TakeRowChanges();
        ledger.EmitAcknowledged();

        var restored = Reload(ledger);
        restored.ResumeEmitting();

        Assert.Empty(restored.TakeRowChanges());
    }

    [Fact]
    public void an_unattributed_row_taken_but_not_acknowledged_comes_back_after_a_restart()
    {
        var day = new UnattributedLedger(new DateOnly(2026, 3, 1));
        Assert.True(day.Apply("user-1", 1, new Figures.Tally(60, 1)));
        Assert.NotNull(day.TakeRowChange());

        var json = JsonSerializer.Serialize(day, DomainJsonContext.Default.UnattributedLedger);
        var restored = JsonSerializer.Deserialize(json, DomainJsonContext.Default.UnattributedLedger)!;
        restored.ResumeEmitting();
        Assert.NotNull(restored.TakeRowChange());

        restored.EmitAcknowledged();
        restored.ResumeEmitting();
        Assert.Null(restored.TakeRowChange());
    }

    private static PlanLedger Reload(PlanLedger ledger) =>
        JsonSerializer.Deserialize(JsonSerializer.Serialize(ledger, DomainJsonContext.Default.PlanLedger), DomainJsonContext.Default.PlanLedger)!;
}
