using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OrleansPlans.Api.Publishing;

/// <summary>Registers the Kafka publisher of operator merge requests.</summary>
public static class KafkaMergePublisherServiceCollectionExtensions
{
    /// <summary>
    /// Publishes operator merge requests to <see cref="ApiOptions.MergeTopic"/> on <paramref name="bootstrapServers"/>.
    /// <paramref name="clientConfig"/> passes librdkafka settings through (SASL, TLS, …; never logged); the producer is
    /// always idempotent with <c>acks=all</c>, and its <c>message.timeout.ms</c> is <see cref="ApiOptions.MergePublishTimeout"/>
    /// unless the client configuration sets it.
    /// </summary>
    public static IServiceCollection AddKafkaMergePublisher(
        this IServiceCollection services, string bootstrapServers, IReadOnlyDictionary<string, string>? clientConfig = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(bootstrapServers);
        var passedThrough = clientConfig is null ? new Dictionary<string, string>() : new Dictionary<string, string>(clientConfig);
        services.TryAddSingleton<IMergeEventPublisher>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ApiOptions>>().Value;
            var config = new ProducerConfig(new Dictionary<string, string>(passedThrough))
            {
                BootstrapServers = bootstrapServers,
                EnableIdempotence = true,
                Acks = Acks.All,
            };
            if (!passedThrough.ContainsKey("message.timeout.ms"))
            {
                config.MessageTimeoutMs = (int)Math.Clamp(options.MergePublishTimeout.TotalMilliseconds, 1, int.MaxValue);
            }

            return new KafkaMergeEventPublisher(config, options.MergeTopic);
        });
        return services;
    }
}
