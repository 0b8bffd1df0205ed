using OrleansPlans.Grains.State;

namespace OrleansPlans.Grains.Tests;

/// <summary>
/// Group commit: an idle grain writes at once; a grain that wrote moments ago waits out the spacing and every change
/// made meanwhile shares one write; no caller is answered before a write that started after its change.
/// </summary>
public sealed class WriteBehindTests
{
    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(200);

    [Fact]
    public Task an_idle_grain_writes_at_once_and_a_busy_one_coalesces_changes_into_one_write_after_the_spacing() => OnGrainLikeScheduler(async () =>
    {
        var time = new ManualTimeProvider();
        var writes = new List<int>();
        var state = 0;
        var writeBehind = new WriteBehind(() => { writes.Add(state); return Task.CompletedTask; }, time, Spacing);

        state = 1;
        await writeBehind.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal([1], writes); // idle: no timer was needed

        state = 2;
        var second = writeBehind.FlushAsync();
        state = 3;
        var third = writeBehind.FlushAsync();
        await time.WaitForTimerAsync();
        Assert.Equal([1], writes); // wrote moments ago: waits, and both changes wait with it
        Assert.False(second.IsCompleted);
        Assert.Equal(Spacing, time.LastDueTime);

        time.Advance(Spacing);
        await Task.WhenAll(second, third).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal([1, 3], writes); // one write holding both changes

        time.Advance(Spacing);
        state = 4;
        await writeBehind.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal([1, 3, 4], writes); // idle again (the spacing passed): at once
    });

    [Fact]
    public Task a_failed_write_fails_its_callers_and_the_next_change_is_written_again() => OnGrainLikeScheduler(async () =>
    {
        var fail = true;
        var writes = 0;
        var writeBehind = new WriteBehind(() =>
        {
            writes++;
            return fail ? Task.FromException(new InvalidOperationException("storage down")) : Task.CompletedTask;
        }, TimeProvider.System, TimeSpan.Zero);

        await Assert.ThrowsAsync<InvalidOperationException>(() => writeBehind.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        fail = false;
        await writeBehind.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(2, writes);
    });

    // A grain runs one piece of work at a time on its own scheduler; WriteBehind relies on that instead of locks.
    private static Task OnGrainLikeScheduler(Func<Task> test) =>
        Task.Factory.StartNew(test, TestContext.Current.CancellationToken, TaskCreationOptions.None, new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler).Unwrap();
}
