using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using OrleansPlans.Api;
using Microsoft.Extensions.DependencyInjection;
using OrleansPlans.Api.Hosting;
using OrleansPlans.Api.Publishing;
using OrleansPlans.Input.Kafka;

namespace OrleansPlans.Host.Hosting;

/// <summary>The service HTTP API, co-hosted with the silo (it calls grains through the silo's own grain factory).</summary>
public static class ServiceApiHosting
{
    /// <summary>
    /// Adds the API with the <c>Api</c> section. On the dev broker without configured operator keys, generates one
    /// for this run and prints it, so a newcomer can try the operator endpoints; a real deployment configures keys.
    /// </summary>
    public static WebApplicationBuilder AddServiceApi(this WebApplicationBuilder builder, KafkaInputOptions kafka)
    {
        var keys = builder.Configuration.GetSection($"{ApiOptions.SectionName}:{nameof(ApiOptions.OperatorKeys)}").Get<string[]>() ?? [];
        if (kafka.UsesDevBroker && keys.Length == 0)
        {
            var key = "dev-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            builder.Configuration[$"{ApiOptions.SectionName}:{nameof(ApiOptions.OperatorKeys)}:0"] = key;
            Console.WriteLine($"Operator API key for this dev run (header X-Api-Key): {key}");
        }

        builder.Services.AddOrleansPlansApi(builder.Configuration);
        // Operator merges are published to the plan-merges topic and reach the coordinator through the same stream as any other merge event.
        builder.Services.AddKafkaMergePublisher(kafka.BootstrapServers, kafka.ClientConfig);
        builder.Services.PostConfigure<ApiOptions>(o => o.MergeTopic = kafka.MergesTopic);
        return builder;
    }
}
