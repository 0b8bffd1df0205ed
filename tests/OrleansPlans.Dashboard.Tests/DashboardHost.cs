using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrleansPlans.Dashboard.Hosting;
using OrleansPlans.Dashboard.Status;
using OrleansPlans.Operations.Status;

namespace OrleansPlans.Dashboard.Tests;

/// <summary>
/// The dashboard composed as a host composes it (AddOrleansPlansDashboard + MapOrleansPlansDashboard) over the seeded
/// database, with the clock fixed at <see cref="Seed.Now"/>: on an in-memory test server, or on Kestrel at a loopback port.
/// The status comes from the given source, or from the dashboard's own reader when status options are given. A test may
/// point it at another database and clock.
/// </summary>
public sealed class DashboardHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DashboardHost(WebApplication app, HttpClient http, Uri address)
    {
        _app = app;
        Http = http;
        Address = address;
    }

    public HttpClient Http { get; }

    /// <summary>The root address: <c>http://127.0.0.1:port/</c> on Kestrel, <c>http://localhost/</c> on the test server.</summary>
    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Every endpoint the host mapped, as routing sees them.</summary>
    public IReadOnlyList<Endpoint> Endpoints => [.. ((IEndpointRouteBuilder)_app).DataSources.SelectMany(d => d.Endpoints)];

    public static async Task<DashboardHost> StartAsync(
        AnalyticsDatabaseFixture database, IReadOnlyDictionary<string, string?>? settings = null, bool kestrel = false,
        IPipelineStatusSource? status = null, Action<PipelineStatusOptions>? configureStatus = null, IStuckPartitionSource? stuck = null,
        string? connectionString = null, TimeProvider? time = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        if (kestrel)
        {
            builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Services.AddRouting();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddSingleton(time ?? new FixedTimeProvider(Seed.Now));
        if (status is not null)
        {
            builder.Services.AddSingleton(status);
        }

        if (stuck is not null)
        {
            builder.Services.AddSingleton(stuck);
        }

        builder.Services.AddOrleansPlansDashboard(builder.Configuration, connectionString ?? database.ConnectionString, Seed.Schema, configureStatus);
        var app = builder.Build();
        app.MapOrleansPlansDashboard();
        app.MapOpenApi("/openapi/{documentName}.json"); // as MapOrleansPlansApi maps it in the host
        try
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        if (!kestrel)
        {
            return new DashboardHost(app, app.GetTestClient(), new Uri("http://localhost/"));
        }

        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        return new DashboardHost(app, new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) }, address);
    }

    public Task<HttpResponseMessage> GetAsync(string url, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
    }
}
