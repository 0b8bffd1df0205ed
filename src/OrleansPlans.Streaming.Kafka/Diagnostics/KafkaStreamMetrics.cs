using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OrleansPlans.Streaming.Kafka;

/// <summary>The provider's instruments on the <see cref="MeterName"/> meter, tagged with the provider name.</summary>
public sealed class KafkaStreamMetrics : IDisposable
{
    /// <summary>The name of the meter every Kafka stream provider reports on.</summary>
    public const string MeterName = "OrleansPlans.Streaming.Kafka";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly string _providerName;
    private readonly Counter<long> _consumed;
    private readonly Counter<long> _deadLetters;
    private readonly Counter<long> _produced;
    private readonly ConcurrentDictionary<KafkaPartitionQueue, Func<long?>> _lagSources = new();

    /// <summary>Creates the instruments; uses <paramref name="meterFactory"/> when the host has one.</summary>
    public KafkaStreamMetrics(string providerName, IMeterFactory? meterFactory = null)
    {
        _providerName = providerName;
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _consumed = _meter.CreateCounter<long>("kafka.stream.records.consumed", "{record}", "Records read from Kafka and handed to Orleans (decoded or dead-lettered).");
        _deadLetters = _meter.CreateCounter<long>("kafka.stream.dead_letters", "{record}", "Records written to the dead-letter topic.");
        _produced = _meter.CreateCounter<long>("kafka.stream.records.produced", "{record}", "Records produced to Kafka by stream publishers.");
        _meter.CreateObservableGauge("kafka.stream.consumer.lag", ObserveLag, "{record}", "High watermark minus the next offset to read, per partition read by this process.");
    }

    internal void Consumed(string topic, int count)
        => _consumed.Add(count, new TagList { { "provider", _providerName }, { "topic", topic } });

    internal void DeadLettered(string topic)
        => _deadLetters.Add(1, new TagList { { "provider", _providerName }, { "topic", topic } });

    internal void Produced(string topic, int count)
        => _produced.Add(count, new TagList { { "provider", _providerName }, { "topic", topic } });

    internal void TrackLag(KafkaPartitionQueue partition, Func<long?> lag) => _lagSources[partition] = lag;

    internal void UntrackLag(KafkaPartitionQueue partition) => _lagSources.TryRemove(partition, out _);

    private IEnumerable<Measurement<long>> ObserveLag()
    {
        foreach (var (partition, lag) in _lagSources)
        {
            if (lag() is { } value)
            {
                yield return new Measurement<long>(value, new TagList
                {
                    { "provider", _providerName }, { "topic", partition.Topic }, { "partition", partition.Partition },
                });
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
