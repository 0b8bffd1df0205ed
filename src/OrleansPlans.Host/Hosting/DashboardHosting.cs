using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrleansPlans.Dashboard.Hosting;
using OrleansPlans.Host.Health;
using OrleansPlans.Host.Postgres;
using OrleansPlans.Input.Kafka;
using OrleansPlans.Silo;

namespace OrleansPlans.Host.Hosting;

/// <summary>The dashboard and analytics reads, over the tables the sink fills and the pipeline status this job can see.</summary>
public static class DashboardHosting
{
    /// <summary>Adds the dashboard with the pipeline status reader pointed at this job's topics, consumer group and cluster.</summary>
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder, KafkaInputOptions kafka, PostgresOptions postgres, SiloOptions silo)
    {
        builder.Services.AddOrleansPlansDashboard(builder.Configuration, connectionString: null, postgres.AnalyticsSchema, status => // the process's data source
        {
            status.BootstrapServers = kafka.BootstrapServers;
            foreach (var (key, value) in kafka.ClientConfig)
            {
                status.ClientConfig[key] = value;
            }

            status.InputTopics.Clear();
            foreach (var topic in new[] { kafka.MembershipTopic, kafka.UsageTopic, kafka.MergesTopic })
            {
                status.InputTopics.Add(topic);
            }

            status.InputConsumerGroup = kafka.ConsumerGroupId;
            status.OutputTopics.Clear();
            foreach (var table in Domain.Rows.OutputTables.All)
            {
                status.OutputTopics.Add(kafka.OutputTopicOf(table));
            }

            if (builder.Configuration["Sink:ConsumerGroupId"] is { Length: > 0 } sinkGroup)
            {
                status.SinkConsumerGroup = sinkGroup;
            }

            status.ClusterId = silo.ClusterId;
        });

        // The status names the input partitions this silo cannot move past, as readiness does.
        builder.Services.AddSingleton<Operations.Status.IStuckPartitionSource>(sp =>
            new InputStuckPartitionSource(sp.GetRequiredKeyedService<Streaming.Kafka.IKafkaStuckPartitions>(KafkaInputStreams.ProviderName)));
        return builder;
    }
}
