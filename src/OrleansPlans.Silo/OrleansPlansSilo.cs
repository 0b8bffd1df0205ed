using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Dashboard;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Grains.Hosting;
using OrleansPlans.Input.Kafka;
using OrleansPlans.Persistence.Postgres.Hosting;
using OrleansPlans.Persistence.Postgres.Storage;
using OrleansPlans.Projection.Kafka;

namespace OrleansPlans.Silo;

/// <summary>Composes the silo of the main job.</summary>
public static class OrleansPlansSilo
{
    /// <summary>
    /// A silo reading the input topics from Kafka, with clustering, grain state and Kafka checkpoints in PostgreSQL,
    /// projecting every row change to the compacted output topics.
    /// </summary>
    /// <param name="builder">The host; its sections <c>StateStore</c>, <c>GroupCommit</c> and <c>PlanTables</c> tune the silo.</param>
    /// <param name="silo">The silo's identity and endpoints (section <c>Orleans</c>, validated by <see cref="SiloOptionsValidator"/>).</param>
    /// <param name="input">The input topics and the cluster they are on; the output topics too.</param>
    /// <remarks>
    /// Clustering, grain state and checkpoints go through the <see cref="Npgsql.NpgsqlDataSource"/> registered in the
    /// container: the process's one pool, shared with everything else in it that reads or writes PostgreSQL.
    /// </remarks>
    public static IHostApplicationBuilder AddOrleansPlansSilo(this IHostApplicationBuilder builder, SiloOptions silo, KafkaInputOptions input)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(input);
        builder.UseOrleans(orleans =>
        {
            orleans.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (silo.ClusterId, silo.ServiceId));
            var advertised = IPAddress.TryParse(silo.AdvertisedAddress, out var ip) ? ip : Dns.GetHostAddresses(silo.AdvertisedAddress)[0];
            orleans.ConfigureEndpoints(advertised, silo.SiloPort, silo.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(advertised));
            orleans.UsePostgresClustering();
            if (builder.Configuration.GetValue("StateStore:GroupCommit", defaultValue: true))
            {
                // Grain state and checkpoints share the silo's grouped round trips: a grain still awaits its own durable
                // write, but every grain writing at that moment shares one statement (StateStore:MaxBatchSize, …).
                orleans.AddPostgresGroupCommitGrainStorage("PubSubStore");
                orleans.AddPostgresGroupCommitGrainStorage(PlanAnalyticsStorage.Name);
                orleans.Services.Configure<GroupCommitStorageOptions>(builder.Configuration.GetSection("StateStore"));
            }
            else
            {
                // Orleans' ADO.NET storage: one statement and transaction per grain write (table orleans_grain_state).
                orleans.AddPostgresGrainStorage("PubSubStore");
                orleans.AddPostgresGrainStorage(PlanAnalyticsStorage.Name);
            }
            orleans.AddKafkaInputStreams(input);
            orleans.AddPlanAnalytics();
            // GroupCommit:WriteSpacing (e.g. 00:00:00.020): how long a busy plan gathers deltas into one state write.
            orleans.Services.Configure<GroupCommitOptions>(builder.Configuration.GetSection("GroupCommit"));
            // PlanTables:MonthlyUsage=false leaves plan_usage_monthly empty (the benchmark measures its cost so).
            orleans.Services.Configure<PlanTablesOptions>(builder.Configuration.GetSection("PlanTables"));
            orleans.AddDashboard(); // the Orleans Dashboard's grain service and call profiler; served by OrleansDashboardHosting
            orleans.AddActivityPropagation(); // grain calls become spans of the HTTP request or stream batch that made them
            orleans.AddKafkaProjection(projection =>
            {
                projection.BootstrapServers = input.BootstrapServers;
                foreach (var table in OutputTables.All)
                {
                    projection.Topics[table] = input.OutputTopicOf(table);
                }

                foreach (var (key, value) in input.ClientConfig)
                {
                    projection.ClientConfig[key] = value;
                }
            });
        });
        return builder;
    }
}
