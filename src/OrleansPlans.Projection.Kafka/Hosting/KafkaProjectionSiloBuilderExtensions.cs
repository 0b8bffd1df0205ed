using Orleans.Hosting;
using OrleansPlans.Grains.Projection;

namespace OrleansPlans.Projection.Kafka;

/// <summary>Registers the projector on a silo.</summary>
public static class KafkaProjectionSiloBuilderExtensions
{
    /// <summary>Makes a <see cref="KafkaRowSink"/> the silo's <see cref="IRowSink"/>; see <see cref="KafkaProjectionServiceCollectionExtensions.AddKafkaProjection"/>.</summary>
    public static ISiloBuilder AddKafkaProjection(this ISiloBuilder builder, Action<KafkaProjectionOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddKafkaProjection(configure);
        return builder;
    }
}
