using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace OrleansPlans.Grains.Hosting;

/// <summary>Registers the plan-analytics grain storage in memory.</summary>
public static class PlanAnalyticsMemoryStorageExtensions
{
    /// <summary>
    /// Keeps the plan-analytics grains' state (<see cref="PlanAnalyticsStorage.Name"/>) in memory, written in parts as
    /// the PostgreSQL storage writes it: for tests, benchmarks and trying the grains without a database. The state is
    /// lost with the process. Silos of one process given the same <paramref name="states"/> share it; without, each
    /// silo keeps its own (enough for one silo).
    /// </summary>
    public static ISiloBuilder AddPlanAnalyticsMemoryStorage(this ISiloBuilder builder, InMemoryGrainStates? states = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var held = states ?? new InMemoryGrainStates();
        builder.Services.AddGrainStorage(PlanAnalyticsStorage.Name, (services, name) => new PartedMemoryGrainStorage(
            held, services.GetKeyedService<IGrainStorageSerializer>(name) ?? services.GetRequiredService<IGrainStorageSerializer>()));
        return builder;
    }
}
