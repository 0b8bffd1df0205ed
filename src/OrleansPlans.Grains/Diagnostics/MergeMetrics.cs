using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OrleansPlans.Grains.Diagnostics;

/// <summary>Merge instruments on the meter <see cref="MeterName"/>: operators watch how long merges take and how many are refused.</summary>
public sealed class MergeMetrics : IDisposable
{
    /// <summary>The meter name: <c>OrleansPlans.Grains</c>.</summary>
    public const string MeterName = "OrleansPlans.Grains";

    private readonly Meter _meter;
    private readonly Histogram<double> _duration;

    /// <summary>Creates the instruments, on a meter from <paramref name="meterFactory"/> when given.</summary>
    public MergeMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _duration = _meter.CreateHistogram<double>("orleansplans.merge.duration", "ms",
            "Time to decide and carry out one merge event (hand-off, absorb, re-targeting), per verdict.");
    }

    /// <summary>Records one decided merge.</summary>
    public void MergeDecided(string verdict, TimeSpan elapsed) =>
        _duration.Record(elapsed.TotalMilliseconds, new TagList { { "verdict", verdict } });

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
