using Microsoft.Extensions.Hosting;
using OrleansPlans.Grains.Hosting;
using OrleansPlans.Host.Kafka;

namespace OrleansPlans.Host.Hosting;

/// <summary>Composes the silo of the main job.</summary>
public static class OrleansPlansSilo
{
    /// <summary>A local silo reading the input topics from Kafka, with in-memory state (the embedded default).</summary>
    public static IHostApplicationBuilder AddOrleansPlansSilo(this IHostApplicationBuilder builder, KafkaInputOptions input)
    {
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering();
            silo.AddMemoryGrainStorage("PubSubStore");
            silo.AddMemoryGrainStorage(PlanAnalyticsStorage.Name);
            silo.AddKafkaInputStreams(input);
            silo.AddPlanAnalytics();
        });
        return builder;
    }
}
