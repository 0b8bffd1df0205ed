using Microsoft.Extensions.Hosting;
using OrleansPlans.Grains.Hosting;

namespace OrleansPlans.Host.Hosting;

/// <summary>Composes the silo of the main job.</summary>
public static class OrleansPlansSilo
{
    /// <summary>The stream provider the input topics arrive through.</summary>
    public const string InputStreams = "input";

    /// <summary>A single local silo with memory streams and in-memory state (the embedded default).</summary>
    public static IHostApplicationBuilder AddEmbeddedSilo(this IHostApplicationBuilder builder)
    {
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering();
            silo.AddMemoryGrainStorage("PubSubStore");
            silo.AddMemoryGrainStorage(PlanAnalyticsStorage.Name);
            silo.AddMemoryStreams(InputStreams);
            silo.AddPlanAnalytics();
        });
        return builder;
    }
}
