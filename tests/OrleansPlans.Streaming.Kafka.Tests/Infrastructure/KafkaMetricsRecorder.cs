using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace OrleansPlans.Streaming.Kafka.Tests;

/// <summary>Listens to the provider's meter and keeps the latest totals of one topic.</summary>
internal sealed class KafkaMetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly string _topic;
    private readonly ConcurrentDictionary<string, long> _totals = new();
    private long _lastLag = -1;

    public KafkaMetricsRecorder(string topic)
    {
        _topic = topic;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == KafkaStreamMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? topic = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "topic")
                {
                    topic = tag.Value as string;
                }
            }

            if (topic != _topic)
            {
                return;
            }

            if (instrument.Name == "kafka.stream.consumer.lag")
            {
                Interlocked.Exchange(ref _lastLag, value);
            }
            else
            {
                _totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value);
            }
        });
        _listener.Start();
    }

    public long Total(string instrument) => _totals.TryGetValue(instrument, out var total) ? total : 0;

    /// <summary>Observes the lag gauge now and returns the largest partition lag reported.</summary>
    public long ObserveLag()
    {
        Interlocked.Exchange(ref _lastLag, -1);
        _listener.RecordObservableInstruments();
        return Interlocked.Read(ref _lastLag);
    }

    public void Dispose() => _listener.Dispose();
}
