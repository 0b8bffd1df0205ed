using System.Diagnostics.Metrics;

namespace OrleansPlans.Projection.Kafka.Diagnostics;

/// <summary>The projector's instruments on the meter <see cref="MeterName"/>.</summary>
public sealed class ProjectionMetrics : IDisposable
{
    /// <summary>The meter name: <c>OrleansPlans.Projection</c>.</summary>
    public const string MeterName = "OrleansPlans.Projection";

    private readonly Meter _meter;
    private readonly Counter<long> _rows;
    private readonly Counter<long> _coalesced;
    private readonly Histogram<double> _flushLatency;

    /// <summary>Creates the instruments, on a meter from <paramref name="meterFactory"/> when given.</summary>
    public ProjectionMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _rows = _meter.CreateCounter<long>("orleansplans.projection.rows", "{row}",
            "Output records acknowledged by Kafka, per table and kind (upsert or tombstone).");
        _coalesced = _meter.CreateCounter<long>("orleansplans.projection.coalesced", "{change}",
            "Row changes replaced by a later change of the same key before they were produced.");
        _flushLatency = _meter.CreateHistogram<double>("orleansplans.projection.flush.latency", "ms",
            "Time from the start of a flush until Kafka acknowledged its last record.");
    }

    internal void RowEmitted(string table, bool tombstone) =>
        _rows.Add(1, new KeyValuePair<string, object?>("table", table), new KeyValuePair<string, object?>("kind", tombstone ? "tombstone" : "upsert"));

    internal void Coalesced() => _coalesced.Add(1);

    internal void FlushCompleted(TimeSpan elapsed) => _flushLatency.Record(elapsed.TotalMilliseconds);

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
