using System.Text.Json;
using OrleansPlans.Domain.Engine;
using OrleansPlans.Domain.Serialization;

namespace OrleansPlans.Benchmarks.Memory;

/// <summary>Persisted state sizes: the JSON the grains write (<see cref="DomainJsonContext"/>), per user and per plan.</summary>
public static class StateSizes
{
    /// <summary>Mean serialized bytes of the users' timelines and of the surviving plans' ledgers.</summary>
    public static (double PerUser, double PerPlan, long Plans) Measure(InMemoryPlanAnalytics engine, Workload.Workload workload)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(workload);
        long userBytes = 0, users = 0;
        foreach (var userId in workload.UserIds)
        {
            if (engine.FindUser(userId) is { } user)
            {
                userBytes += JsonSerializer.SerializeToUtf8Bytes(user, DomainJsonContext.Default.UserTimeline).Length;
                users++;
            }
        }

        long planBytes = 0, plans = 0;
        foreach (var planId in workload.PlanIds)
        {
            if (engine.FindPlan(planId) is { IsRoot: true } plan)
            {
                planBytes += JsonSerializer.SerializeToUtf8Bytes(plan, DomainJsonContext.Default.PlanLedger).Length;
                plans++;
            }
        }

        return (users == 0 ? 0 : (double)userBytes / users, plans == 0 ? 0 : (double)planBytes / plans, plans);
    }
}
