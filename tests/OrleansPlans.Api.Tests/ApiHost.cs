using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
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

    public static async Task<ApiHost> StartAsync(IGrainFactory grains, IReadOnlyDictionary<string, string?> settings, CapturedLogs? logs = null)
    {
        var builder = CreateBuilder(settings, logs);
        builder.Services.AddSingleton(grains);
        var app = builder.Build();
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
