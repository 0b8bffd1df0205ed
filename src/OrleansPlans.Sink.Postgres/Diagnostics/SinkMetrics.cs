using System.Diagnostics.Metrics;

namespace OrleansPlans.Sink.Postgres;

/// <summary>The PostgreSQL sink's instruments on the meter <see cref="MeterName"/>.</summary>
public sealed class SinkMetrics : IDisposable
{
    /// <summary>The meter name: <c>OrleansPlans.Sink.Postgres</c>.</summary>
    public const string MeterName = "OrleansPlans.Sink.Postgres";

    private readonly Meter _meter;
    private readonly Counter<long> _records;
    private readonly Counter<long> _skipped;
    private readonly Histogram<double> _transaction;
    private readonly Histogram<double> _latency;

    /// <summary>Creates the instruments, on a meter from <paramref name="meterFactory"/> when given.</summary>
    public SinkMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _records = _meter.CreateCounter<long>("orleansplans.sink.records", "{record}", "Output records applied (committed) to the tables.");
        _skipped = _meter.CreateCounter<long>("orleansplans.sink.records.skipped", "{record}", "Output records skipped because they could not be decoded.");
        _transaction = _meter.CreateHistogram<double>("orleansplans.sink.transaction.duration", "ms", "Duration of one batch transaction.");
        _latency = _meter.CreateHistogram<double>("orleansplans.sink.latency", "ms",
            "Per committed batch: time from its oldest record being written to the output topic until the tables hold it.");
    }

    internal void Applied(int records, TimeSpan elapsed, TimeSpan? latency)
    {
        _records.Add(records);
        _transaction.Record(elapsed.TotalMilliseconds);
        if (latency is { } value)
        {
            // Clocks of the projector and the sink may differ a little; a negative age says nothing useful.
            _latency.Record(Math.Max(0, value.TotalMilliseconds));
        }
    }

    internal void Skipped() => _skipped.Add(1);

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
