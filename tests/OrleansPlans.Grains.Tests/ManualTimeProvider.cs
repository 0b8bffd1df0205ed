namespace OrleansPlans.Grains.Tests;

/// <summary>A clock that moves only when the test says so; timers fire when it passes their due time.</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<(long Due, Action Fire)> _timers = [];
    private readonly SemaphoreSlim _timerCreated = new(0);
    private long _now = 1_000_000;

    /// <summary>The due time of the last timer created.</summary>
    public TimeSpan LastDueTime { get; private set; }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <summary>Waits (bounded) until some code under test created a timer.</summary>
    public Task WaitForTimerAsync() => _timerCreated.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(
        t => Assert.True(t.Result, "no timer was created within 10 s"), TaskScheduler.Default);

    /// <summary>Moves the clock on and fires the timers now due.</summary>
    public void Advance(TimeSpan by)
    {
        List<Action> due;
        lock (_gate)
        {
            _now += by.Ticks;
            due = _timers.Where(t => t.Due <= _now).Select(t => t.Fire).ToList();
            _timers.RemoveAll(t => t.Due <= _now);
        }

        due.ForEach(fire => fire());
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            LastDueTime = dueTime;
            _timers.Add((_now + dueTime.Ticks, () => callback(state)));
        }

        _timerCreated.Release();
        return new NoOpTimer();
    }

    private sealed class NoOpTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
