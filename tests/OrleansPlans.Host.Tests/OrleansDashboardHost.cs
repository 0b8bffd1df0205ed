using Npgsql;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;
using Orleans.Hosting;
using OrleansPlans.Api.Hosting;
using OrleansPlans.Host.Hosting;

namespace OrleansPlans.Host.Tests;

/// <summary>
/// A silo with the Orleans Dashboard and the operator sign-in composed as the host composes them
/// (<see cref="OrleansDashboardHosting"/>), on Kestrel at a loopback port, its key ring in the given database. Its
/// client follows no redirects and keeps no cookies, so a test sees each answer as a browser would receive it.
/// </summary>
internal sealed class OrleansDashboardHost : IAsyncDisposable
{
    public const string ReadKey = "read-key-0123456789abcdef";

    private readonly WebApplication _app;

    private OrleansDashboardHost(WebApplication app, Uri address)
    {
        _app = app;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address };
    }

    public HttpClient Http { get; }

    public static async Task<OrleansDashboardHost> StartAsync(string keyRingConnectionString, string operatorKey)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRouting();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Api:OperatorKeys:0"] = operatorKey,
            ["Api:ReadKeys:0"] = ReadKey,
        });
        var cluster = $"dashboard-test-{Guid.NewGuid():N}";
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(LoopbackPorts.Free(), LoopbackPorts.Free(), serviceId: cluster, clusterId: cluster)
            .AddDashboard());
        builder.Services.AddOrleansPlansApi(builder.Configuration);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(keyRingConnectionString)); // as the host registers its one
        builder.AddOrleansDashboardSignIn();
        var app = builder.Build();
        app.MapOrleansClusterDashboard();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new OrleansDashboardHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
