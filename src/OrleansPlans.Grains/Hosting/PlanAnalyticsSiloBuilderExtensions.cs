using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Storage;
using OrleansPlans.Grains.Diagnostics;
using OrleansPlans.Grains.Projection;
using OrleansPlans.Grains.State;

namespace OrleansPlans.Grains.Hosting;

/// <summary>Registers the plan-analytics grains' services on a silo.</summary>
public static class PlanAnalyticsSiloBuilderExtensions
{
    /// <summary>
    /// Adds domain serialization, a <see cref="TimeProvider"/>, <see cref="GroupCommitOptions"/> (validated at start),
    /// <see cref="PlanTablesOptions"/>
    /// and, unless another sink is registered, an <see cref="InMemoryRowStore"/> as the row sink. Grain state goes to the storage provider named
    /// <see cref="PlanAnalyticsStorage.Name"/>, which the host configures (memory, PostgreSQL, …); that provider stores
    /// each state's JSON bytes as they are (a serializer keyed by the provider's name, which Orleans' storage providers
    /// pick up unless their options name another).
    /// </summary>
    public static ISiloBuilder AddPlanAnalytics(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddPlanDomainSerialization();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<GroupCommitOptions>()
            .Validate(o => o.WriteSpacing >= TimeSpan.Zero && o.WriteSpacing <= GroupCommitOptions.MaxWriteSpacing,
                $"{nameof(GroupCommitOptions)}.{nameof(GroupCommitOptions.WriteSpacing)} must be between zero and {GroupCommitOptions.MaxWriteSpacing.TotalMilliseconds} ms")
            .ValidateOnStart();
        builder.Services.AddOptions<PlanTablesOptions>();
        builder.Services.TryAddSingleton(sp => new MergeMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        builder.Services.TryAddKeyedSingleton<IGrainStorageSerializer, JsonGrainStateStorageSerializer>(PlanAnalyticsStorage.Name);
        builder.Services.TryAddSingleton<InMemoryRowStore>();
        builder.Services.TryAddSingleton<IRowSink>(sp => sp.GetRequiredService<InMemoryRowStore>());
        return builder;
    }
}
