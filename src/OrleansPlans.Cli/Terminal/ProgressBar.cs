using System.Diagnostics;
using System.Globalization;

namespace OrleansPlans.Cli.Terminal;

/// <summary>
/// Shows progress towards a known total: on a terminal one line redrawn in place (<c>[#####-----]  50%  500/1,000 records</c>);
/// when the output is redirected, a plain line at each tenth and at most every 5 seconds otherwise, so logs stay readable.
/// </summary>
internal sealed class ProgressBar(TextWriter output, bool interactive, string unit)
{
    private const int Width = 30;
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    private readonly Stopwatch _sincePlainLine = Stopwatch.StartNew();
    private string? _lastLine;
    private int _lastTenth = -1;

    /// <summary>Shows <paramref name="done"/> of <paramref name="total"/> (clamped).</summary>
    public void Report(long done, long total)
    {
        done = Math.Clamp(done, 0, Math.Max(total, 0));
        var fraction = total <= 0 ? 1.0 : (double)done / total;
        var text = string.Create(CultureInfo.InvariantCulture, $"{fraction * 100,3:0}%  {done:N0}/{total:N0} {unit}");
        if (interactive)
        {
            var filled = (int)Math.Round(fraction * Width);
            var line = $"\r[{new string('#', filled)}{new string('-', Width - filled)}] {text}";
            if (line != _lastLine)
            {
                output.Write(line);
                output.Flush();
                _lastLine = line;
            }

            return;
        }

        var tenth = (int)(fraction * 10);
        if (tenth > _lastTenth || _sincePlainLine.Elapsed >= PlainInterval)
        {
            output.WriteLine($"progress: {text}");
            _lastTenth = Math.Max(_lastTenth, tenth);
            _sincePlainLine.Restart();
        }
    }

    /// <summary>Ends the redrawn line (on a terminal) so the next output starts on its own line.</summary>
    public void Complete()
    {
        if (interactive && _lastLine is not null)
        {
            output.WriteLine();
        }
    }
}
