using System.Collections.Concurrent;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers.Streams.Common;
using Orleans.Storage;
using Orleans.Streams;

namespace OrleansPlans.Streaming.Kafka;

/// <summary>Builds the adapter, cache, queue mapper, receivers and failure handlers of one Kafka stream provider.</summary>
internal sealed class KafkaAdapterFactory : IQueueAdapterFactory
{
    private readonly string _name;
    private readonly IServiceProvider _services;
    private readonly KafkaStreamOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly Lazy<KafkaQueueMapper> _mapper;
    private readonly ConcurrentDictionary<Orleans.Streams.QueueId, KafkaQueueReceiver> _receivers = new();
    private readonly Lazy<KafkaSharedConsumer> _consumer;
    private IQueueAdapterCache? _cache;

    private KafkaAdapterFactory(string name, IServiceProvider services)
    {
        _name = name;
        _services = services;
        _options = services.GetRequiredService<IOptionsMonitor<KafkaStreamOptions>>().Get(name);
        _loggerFactory = services.GetRequiredService<ILoggerFactory>();
        _mapper = new Lazy<KafkaQueueMapper>(CreateMapper, LazyThreadSafetyMode.ExecutionAndPublication);
        _consumer = new Lazy<KafkaSharedConsumer>(
            () => new KafkaSharedConsumer(name, _options, services.GetRequiredKeyedService<KafkaLogLimiter>(name), _loggerFactory.CreateLogger<KafkaSharedConsumer>()),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public static IQueueAdapterFactory Create(IServiceProvider services, string name) => new KafkaAdapterFactory(name, services);

    public Task<IQueueAdapter> CreateAdapter()
    {
        IQueueAdapter adapter = new KafkaQueueAdapter(
            _name,
            _mapper.Value,
            _services.GetRequiredKeyedService<KafkaProducerHolder>(_name),
            _services.GetKeyedService<IKafkaRecordEncoder>(_name) ?? _services.GetService<IKafkaRecordEncoder>() ?? new JsonRecordEncoder(),
            _services.GetRequiredKeyedService<KafkaStreamMetrics>(_name),
            CreateReceiver);
        return Task.FromResult(adapter);
    }

    public IQueueAdapterCache GetQueueAdapterCache()
        => _cache ??= new SimpleQueueAdapterCache(new SimpleQueueCacheOptions { CacheSize = _options.CacheSize }, _name, _loggerFactory);

    public IStreamQueueMapper GetStreamQueueMapper() => _mapper.Value;

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(Orleans.Streams.QueueId queueId)
    {
        IStreamFailureHandler handler = new KafkaStreamFailureHandler(
            _name,
            () => _receivers.TryGetValue(queueId, out var receiver) ? receiver : null,
            _services.GetRequiredKeyedService<IKafkaDeadLetterSink>(_name),
            _services.GetRequiredKeyedService<KafkaStuckPartitionRegistry>(_name),
            _services.GetRequiredService<IOptionsMonitor<StreamPullingAgentOptions>>().Get(_name).MaxEventDeliveryTime,
            _services.GetService<TimeProvider>() ?? TimeProvider.System,
            _loggerFactory.CreateLogger<KafkaStreamFailureHandler>());
        return Task.FromResult(handler);
    }

    private KafkaQueueReceiver CreateReceiver(Orleans.Streams.QueueId queueId)
    {
        var receiver = new KafkaQueueReceiver(
            _name,
            _mapper.Value.GetPartition(queueId),
            _options,
            _services.GetKeyedService<IKafkaRecordDecoder>(_name) ?? _services.GetService<IKafkaRecordDecoder>() ?? new Utf8StringRecordDecoder(),
            _consumer.Value,
            _services.GetRequiredKeyedService<IKafkaDeadLetterSink>(_name),
            ResolveCheckpointStore,
            _services.GetRequiredKeyedService<KafkaStuckPartitionRegistry>(_name),
            _services.GetRequiredKeyedService<KafkaLogLimiter>(_name),
            _services.GetRequiredKeyedService<KafkaStreamMetrics>(_name),
            _services.GetService<TimeProvider>() ?? TimeProvider.System,
            _loggerFactory.CreateLogger<KafkaQueueReceiver>());

        // The newest receiver of a queue wins: a queue that moved away and back gets a fresh receiver.
        _receivers[queueId] = receiver;
        return receiver;
    }

    private IKafkaCheckpointStore ResolveCheckpointStore()
        => _services.GetKeyedService<IKafkaCheckpointStore>(_name)
           ?? new GrainStorageKafkaCheckpointStore(_services.GetRequiredKeyedService<IGrainStorage>(_options.CheckpointStorageName));

    private KafkaQueueMapper CreateMapper()
    {
        var topics = new List<(KafkaTopicOptions, int)>();
        IAdminClient? admin = null;
        try
        {
            foreach (var topic in _options.Topics)
            {
                if (topic.PartitionCount is { } configured)
                {
                    topics.Add((topic, configured));
                    continue;
                }

                admin ??= new AdminClientBuilder(KafkaClientConfig.Build(_options)).Build();
                var metadata = admin.GetMetadata(topic.Name, TimeSpan.FromSeconds(30)).Topics.SingleOrDefault(t => t.Topic == topic.Name);
                if (metadata is null || metadata.Error.IsError || metadata.Partitions.Count == 0)
                {
                    throw new InvalidOperationException(
                        $"Kafka stream provider '{_name}': cannot read the partition count of topic '{topic.Name}' ({metadata?.Error.Reason ?? "no metadata"}); create the topic or set KafkaStreamOptions.Topics[].PartitionCount.");
                }

                KafkaLog.PartitionsDiscovered(_loggerFactory.CreateLogger<KafkaAdapterFactory>(), _name, topic.Name, metadata.Partitions.Count);
                topics.Add((topic, metadata.Partitions.Count));
            }
        }
        finally
        {
            admin?.Dispose();
        }

        return new KafkaQueueMapper(topics);
    }
}
