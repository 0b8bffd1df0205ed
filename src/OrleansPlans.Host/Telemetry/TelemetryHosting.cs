using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrleansPlans.Grains.Diagnostics;
using OrleansPlans.Projection.Kafka.Diagnostics;
using OrleansPlans.Sink.Postgres;
using OrleansPlans.Streaming.Kafka;
using OrleansPlans.Host.Hosting;

namespace OrleansPlans.Host.Telemetry;

/// <summary>OpenTelemetry traces, metrics and logs of the main job.</summary>
public static class TelemetryHosting
{
    /// <summary>Orleans' own meter (activations, messaging, streams) and activity sources (grain calls).</summary>
    public static readonly string[] OrleansMeters = ["Microsoft.Orleans"];

    /// <summary>The activity sources Orleans emits grain-call spans on once activity propagation is enabled.</summary>
    public static readonly string[] OrleansActivitySources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    /// <summary>Every meter the job publishes: the Kafka provider, the projector, the sink, merges and Orleans itself.</summary>
    public static IEnumerable<string> Meters =>
        [KafkaStreamMetrics.MeterName, ProjectionMetrics.MeterName, SinkMetrics.MeterName, MergeMetrics.MeterName, .. OrleansMeters];

    /// <summary>
    /// Adds OpenTelemetry with the job's meters and activity sources, ASP.NET Core, HttpClient, Npgsql and runtime
    /// instrumentation; exports over OTLP when an endpoint is configured and keeps a Prometheus scrape endpoint.
    /// </summary>
    public static TelemetryOptions AddOrleansPlansTelemetry(this IHostApplicationBuilder builder, string serviceInstanceId)
    {
        var options = HostSettings.Read(builder.Configuration, "Telemetry", new TelemetryOptionsValidator());
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName, serviceInstanceId: serviceInstanceId))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter([.. Meters])
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (options.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            })
            .WithTracing(tracing => tracing
                .AddSource([.. OrleansActivitySources])
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path, options))
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithLogging();
        var endpoint = !string.IsNullOrWhiteSpace(options.OtlpEndpoint) ? options.OtlpEndpoint
            : builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            otel.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, new Uri(endpoint));
        }

        builder.Services.AddSingleton(options);
        return options;
    }

    /// <summary>Maps the Prometheus scrape endpoint when it is enabled.</summary>
    public static WebApplication MapOrleansPlansTelemetry(this WebApplication app, TelemetryOptions options)
    {
        if (options.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint(options.PrometheusPath);
        }

        return app;
    }

    // Probes and scrapes every few seconds would drown the traces that matter.
    private static bool IsProbe(Microsoft.AspNetCore.Http.PathString path, TelemetryOptions options) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments(options.PrometheusPath);
}
