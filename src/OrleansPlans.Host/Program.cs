using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansPlans.Host.Demo;
using OrleansPlans.Host.Hosting;
using OrleansPlans.Host.Kafka;

// Settings ship beside the binary, so the job behaves the same from any working directory.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
var kafka = builder.AddKafkaInput();
builder.AddOrleansPlansSilo(kafka);
builder.Services.AddOptions<DemoOptions>().Bind(builder.Configuration.GetSection("Demo"))
    .Validate(o => o.Users > 0, "Demo:Users must be positive");
builder.Services.AddSingleton<KafkaDemoProducer>();
builder.Services.AddHostedService<DemoJob>();
await builder.Build().RunAsync();
