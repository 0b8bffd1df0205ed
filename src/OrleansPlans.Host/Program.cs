using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansPlans.Host.Demo;
using OrleansPlans.Host.Hosting;

// Settings ship beside the binary, so the job behaves the same from any working directory.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddEmbeddedSilo();
builder.Services.AddOptions<DemoOptions>().Bind(builder.Configuration.GetSection("Demo"))
    .Validate(o => o.Users > 0, "Demo:Users must be positive");
builder.Services.AddSingleton<MemoryStreamDemoFeed>();
builder.Services.AddHostedService<DemoJob>();
await builder.Build().RunAsync();
