using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansPlans.Grains.Diagnostics;
using OrleansPlans.Host.Telemetry;

namespace OrleansPlans.Host.Tests;

/// <summary>The job's own meters reach the Prometheus scrape endpoint.</summary>
public sealed class TelemetryEndpointTests
{
    [Fact]
    public async Task a_recorded_merge_duration_is_scraped_from_the_metrics_endpoint()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRouting();
        builder.Logging.ClearProviders();
        var telemetry = builder.AddOrleansPlansTelemetry("test-silo");
        builder.Services.AddSingleton(sp => new MergeMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        await using var app = builder.Build();
        app.MapOrleansPlansTelemetry(telemetry);
        await app.StartAsync(cancellationToken);

        app.Services.GetRequiredService<MergeMetrics>().MergeDecided("Refused", TimeSpan.FromMilliseconds(12));
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var scrape = await http.GetStringAsync(telemetry.PrometheusPath, cancellationToken);

        var line = scrape.Split('\n').SingleOrDefault(l => l.StartsWith("orleansplans_merge_duration_milliseconds_count{", StringComparison.Ordinal));
        Assert.NotNull(line);
        Assert.Contains("verdict=\"Refused\"", line, StringComparison.Ordinal);
        Assert.EndsWith(" 1", line.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("service_name=\"orleansplans\"", scrape, StringComparison.Ordinal); // the resource, as target_info
    }
}
