using System.Diagnostics;

namespace OrleansPlans.Benchmarks.Engine;

/// <summary>Wall time, process CPU time, allocations, collections and their pauses between its start and <see cref="Stop"/>.</summary>
public sealed class Measurement
{
    private readonly Stopwatch _clock;
    private readonly TimeSpan _cpu;
    private readonly long _allocated;
    private readonly int _collections;
    private readonly TimeSpan _paused;

    private Measurement()
    {
        _cpu = Process.GetCurrentProcess().TotalProcessorTime;
        _allocated = GC.GetTotalAllocatedBytes(precise: false);
        _collections = GC.CollectionCount(0);
        _paused = GC.GetTotalPauseDuration();
        _clock = Stopwatch.StartNew();
    }

    /// <summary>Starts measuring.</summary>
    public static Measurement Start() => new();

    /// <summary>Stops and returns what was measured.</summary>
    public RunResult Stop()
    {
        _clock.Stop();
        return new RunResult(
            _clock.Elapsed,
            Process.GetCurrentProcess().TotalProcessorTime - _cpu,
            GC.GetTotalAllocatedBytes(precise: false) - _allocated,
            GC.CollectionCount(0) - _collections,
            GC.GetTotalPauseDuration() - _paused);
    }
}
