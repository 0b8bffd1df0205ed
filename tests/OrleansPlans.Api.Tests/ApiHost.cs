using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansPlans.Api.Hosting;

namespace OrleansPlans.Api.Tests;

/// <summary>The API as a host wires it (AddOrleansPlansApi + MapOrleansPlansApi), on an in-memory test server.</summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ApiHost(WebApplication app)
    {
        _app = app;
        Http = app.GetTestClient();
    }

    public HttpClient Http { get; }

    /// <summary>Every endpoint the host mapped, as routing sees them.</summary>
    public IReadOnlyList<Endpoint> Endpoints => [.. ((IEndpointRouteBuilder)_app).DataSources.SelectMany(d => d.Endpoints)];

    /// <summary>A handler that sends requests into this in-memory server, for clients that build their own HttpClient (the CLI).</summary>
    public HttpMessageHandler CreateHandler() => _app.GetTestServer().CreateHandler();

    /// <summary>A request header only this test host reads: the remote address the request appears to come from.</summary>
    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    public static async Task<ApiHost> StartAsync(
        IGrainFactory grains, IReadOnlyDictionary<string, string?> settings, CapturedLogs? logs = null, Action<IServiceCollection>? services = null)
    {
        var builder = CreateBuilder(settings, logs);
        builder.Services.AddSingleton(grains);
        services?.Invoke(builder.Services);
        var app = builder.Build();

        // The test server has no socket, so no remote address: let a test say where its request comes from.
        app.Use((context, next) =>
        {
            if (context.Request.Headers.TryGetValue(RemoteAddressHeader, out var address))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
            }

            return next(context);
        });
        app.MapOrleansPlansApi();
        try
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new ApiHost(app);
    }

    /// <summary>A builder with only the given settings (no appsettings files, no environment variables) and no logging unless captured.</summary>
    public static WebApplicationBuilder CreateBuilder(IReadOnlyDictionary<string, string?> settings, CapturedLogs? logs)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Services.AddRouting();
        if (logs is not null)
        {
            builder.Logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddOrleansPlansApi(builder.Configuration);
        return builder;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
    }
}
