using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace OrleansPlans.Cli.Terminal;

/// <summary>
/// Shows progress towards a known total: on a terminal Spectre.Console's live bar (percentage, counts, elapsed and
/// remaining time); when the output is redirected, a plain line at each tenth and at most every 5 seconds otherwise
/// (<c>progress:  50%  500/1,000 records</c>), so logs stay readable and scripts can grep them.
/// </summary>
internal sealed class ProgressBar : IAsyncDisposable
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);

    private readonly TextWriter _output;
    private readonly string _unit;
    private readonly Task? _live;
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Stopwatch _sincePlainLine = Stopwatch.StartNew();
    private int _lastTenth = -1;
    private long _done;
    private long _total;

    public ProgressBar(TextWriter output, bool interactive, string unit)
    {
        _output = output;
        _unit = unit;
        if (interactive)
        {
            var progress = SpectreConsoles.For(output, interactive: true).Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn());
            _live = progress.StartAsync(ShowLiveAsync);
        }
    }

    /// <summary>Shows <paramref name="done"/> of <paramref name="total"/> (clamped).</summary>
    public void Report(long done, long total)
    {
        total = Math.Max(total, 0);
        done = Math.Clamp(done, 0, total);
        Interlocked.Exchange(ref _total, total);
        Interlocked.Exchange(ref _done, done);
        if (_live is not null)
        {
            return; // the live display picks the figures up on its next redraw
        }

        var fraction = Fraction(done, total);
        var tenth = (int)(fraction * 10);
        if (tenth > _lastTenth || _sincePlainLine.Elapsed >= PlainInterval)
        {
            _output.WriteLine($"progress: {Text(fraction, done, total)}");
            _lastTenth = Math.Max(_lastTenth, tenth);
            _sincePlainLine.Restart();
        }
    }

    /// <summary>Ends the live display (on a terminal) with the last figures, so the next output starts on its own line.</summary>
    public Task CompleteAsync()
    {
        _completed.TrySetResult();
        return _live ?? Task.CompletedTask;
    }

    /// <summary>Ends the live display if the command failed before <see cref="CompleteAsync"/>.</summary>
    public ValueTask DisposeAsync() => new(CompleteAsync());

    private async Task ShowLiveAsync(ProgressContext context)
    {
        var task = context.AddTask(_unit);
        while (true)
        {
            var finished = _completed.Task.IsCompleted;
            var (done, total) = (Interlocked.Read(ref _done), Interlocked.Read(ref _total));
            task.MaxValue = Math.Max(total, 1);
            task.Value = total == 0 ? (finished ? task.MaxValue : 0) : done;
            task.Description = string.Create(CultureInfo.InvariantCulture, $"{done:N0}/{total:N0} {_unit}");
            if (finished)
            {
                context.Refresh();
                return;
            }

            await Task.WhenAny(_completed.Task, Task.Delay(RedrawInterval)).ConfigureAwait(false);
        }
    }

    private static double Fraction(long done, long total) => total <= 0 ? 1.0 : (double)done / total;

    private string Text(double fraction, long done, long total) =>
        string.Create(CultureInfo.InvariantCulture, $"{fraction * 100,3:0}%  {done:N0}/{total:N0} {_unit}");
}
