using System.Text.Json;
using OrleansPlans.Domain.Figures;
using OrleansPlans.Domain.Plans;
using OrleansPlans.Domain.Serialization;

namespace OrleansPlans.Domain.Tests.Emitting;

/// <summary>
/// Rows are captured by the write that stores them and published only once it succeeded; rows taken for an emit stay
/// in the persisted state until the emit is acknowledged, so a process dying first re-emits them.
/// </summary>
public sealed class EmitInFlightTests
{
    [Fact]
    public void rows_taken_but_not_acknowledged_come_back_from_a_state_written_meanwhile()
    {
        var ledger = new PlanLedger("plan-a");
        ledger.MarkNamed();
        Written(ledger);
        var taken = ledger.TakeRowChanges();
        Assert.NotEmpty(taken);

        // Another call commits while the emit is in flight; then the process dies before the acknowledgement.
        ledger.CaptureForWrite();
        var restored = Reload(ledger);
        restored.ResumeAfterRestart();

        Assert.Equal(taken.Select(c => c.Key), restored.TakeRowChanges().Select(c => c.Key));
    }

    [Fact]
    public void acknowledged_rows_are_not_emitted_again_after_a_restart()
    {
        var ledger = new PlanLedger("plan-a");
        ledger.MarkNamed();
        Written(ledger);
        _ = ledger.TakeRowChanges();
        ledger.EmitAcknowledged();

        ledger.CaptureForWrite();
        var restored = Reload(ledger);
        restored.ResumeAfterRestart();

        Assert.Empty(restored.TakeRowChanges());
    }

    [Fact]
    public void a_change_made_while_a_write_is_in_flight_is_published_only_after_a_write_of_it()
    {
        var ledger = new PlanLedger("plan-a");
        ledger.MarkNamed();
        ledger.CaptureForWrite(); // a write starts: it stores the plan row as named

        ledger.Apply("user-1", 1, "plan-a", Usage(60)); // another call changes the plan during that write
        ledger.WriteSucceeded();
        var first = ledger.TakeRowChanges();
        ledger.EmitAcknowledged();

        Assert.Equal(["plan-a"], first.Select(c => c.Key)); // the plan row, not the usage rows nobody wrote yet
        Assert.Empty(ledger.TakeRowChanges());
        Written(ledger);
        Assert.Contains(ledger.TakeRowChanges(), c => c.Table == Rows.OutputTables.PlanUsageDaily);
    }

    [Fact]
    public void a_failed_write_keeps_its_changes_for_the_next_write_and_publishes_nothing()
    {
        var ledger = new PlanLedger("plan-a");
        ledger.MarkNamed();
        ledger.CaptureForWrite();
        ledger.WriteFailed();

        Assert.Empty(ledger.TakeRowChanges());
        Written(ledger);
        Assert.Equal(["plan-a"], ledger.TakeRowChanges().Select(c => c.Key));
    }

    [Fact]
    public void an_unattributed_row_taken_but_not_acknowledged_comes_back_after_a_restart()
    {
        var day = new UnattributedLedger(new DateOnly(2026, 3, 1));
        Assert.True(day.Apply("user-1", 1, new Tally(60, 1)));
        Assert.Null(day.TakeRowChange()); // not written yet
        day.CaptureForWrite();
        day.WriteSucceeded();
        Assert.NotNull(day.TakeRowChange());

        var json = JsonSerializer.Serialize(day, DomainJsonContext.Default.UnattributedLedger);
        var restored = JsonSerializer.Deserialize(json, DomainJsonContext.Default.UnattributedLedger)!;
        restored.ResumeAfterRestart();
        Assert.NotNull(restored.TakeRowChange());

        restored.EmitAcknowledged();
        restored.CaptureForWrite();
        var again = JsonSerializer.Deserialize(JsonSerializer.Serialize(restored, DomainJsonContext.Default.UnattributedLedger), DomainJsonContext.Default.UnattributedLedger)!;
        again.ResumeAfterRestart();
        Assert.Null(again.TakeRowChange());
    }

    private static void Written(PlanLedger ledger)
    {
        ledger.CaptureForWrite();
        ledger.WriteSucceeded();
    }

    private static PlanFigures Usage(int seconds)
    {
        var figures = new PlanFigures();
        figures.AddUsage(new Events.UsageEvent("u-1", "user-1", "c-1", seconds, new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero)));
        return figures;
    }

    private static PlanLedger Reload(PlanLedger ledger) =>
        JsonSerializer.Deserialize(JsonSerializer.Serialize(ledger, DomainJsonContext.Default.PlanLedger), DomainJsonContext.Default.PlanLedger)!;
}
