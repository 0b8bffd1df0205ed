using Orleans.Runtime;

namespace OrleansPlans.Streaming.Kafka.Tests;

/// <summary>The checkpoint only ever covers a contiguous prefix of completed records.</summary>
public sealed class PartitionProgressTests
{
    [Fact]
    public void batches_completed_out_of_order_move_the_checkpoint_only_over_a_done_prefix()
    {
        var progress = new PartitionProgress(lastCompleted: 9);
        var a = Batch(10, 11, 12);
        var b = Batch(13);
        var c = Batch(15, 16); // 14 was dead-lettered by the decoder, so it never became a batch
        progress.Started(a);
        progress.Started(b);
        progress.Started(c);
        progress.FetchedThrough(16);
        Assert.Equal(9, progress.CompletedThrough);

        progress.Completed(13);
        Assert.Equal(9, progress.CompletedThrough);

        progress.Completed(10);
        Assert.Equal(14, progress.CompletedThrough);

        progress.Completed(15);
        Assert.Equal(16, progress.CompletedThrough);
        Assert.Equal(0, progress.InFlightCount);
    }

    [Fact]
    public void a_held_batch_stays_in_flight_when_the_cache_reports_it_so_the_checkpoint_never_passes_it()
    {
        var progress = new PartitionProgress(lastCompleted: 9);
        var startedAt = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        progress.Started(Batch(10, 11), startedAt);
        progress.Started(Batch(12));
        progress.FetchedThrough(12);

        Assert.True(progress.TryGetInFlight(10, out var held, out var since));
        Assert.Equal((10L, startedAt), (held.FirstOffset, since));
        progress.Hold(10);
        progress.Completed(10); // the cache purged it after the abandoned delivery
        progress.Completed(12);

        Assert.Equal(9, progress.CompletedThrough);
        Assert.Equal(1, progress.InFlightCount);
    }

    [Fact]
    public void records_skipped_at_the_end_of_a_pull_count_as_done()
    {
        var progress = new PartitionProgress(lastCompleted: -1);
        progress.FetchedThrough(4);
        Assert.Equal(4, progress.CompletedThrough);
    }

    private static KafkaBatchContainer Batch(params long[] offsets)
        => new(StreamId.Create("ns", "key"), "t", 0, [.. offsets.Select(o => (object)$"item-{o}")], [.. offsets]);
}
