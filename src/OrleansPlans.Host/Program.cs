using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansPlans.Host.Demo;
using OrleansPlans.Host.Hosting;
using OrleansPlans.Host.Kafka;
using OrleansPlans.Host.Postgres;
using OrleansPlans.Sink.Postgres;

// Settings ship beside the binary, so the job behaves the same from any working directory.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
var kafka = builder.AddKafkaInput();
var postgres = await builder.AddPostgresAsync(fresh: kafka.UsesDevBroker);
builder.AddOrleansPlansSilo(kafka, postgres);
builder.Services.AddHostedService<ReadyAnnouncer>();
if (builder.Configuration.GetValue("Sink:Enabled", true))
{
    builder.Services.AddPostgresTableSink(o => (o.ConnectionString, o.BootstrapServers, o.Schema) = (postgres.ConnectionString, kafka.BootstrapServers, postgres.AnalyticsSchema));
}

if (builder.Configuration.GetValue("Demo:Enabled", true))
{
    // The demo reads its results back from the analytics tables, which the sink fills.
    if (!builder.Configuration.GetValue("Sink:Enabled", true))
    {
        throw new InvalidOperationException("Demo:Enabled requires Sink:Enabled (the demo prints the analytics tables the sink writes).");
    }

    builder.Services.AddOptions<DemoOptions>().Bind(builder.Configuration.GetSection("Demo")).Validate(o => o.Users > 0, "Demo:Users must be positive");
    builder.Services.AddSingleton<KafkaDemoProducer>();
    builder.Services.AddHostedService<DemoJob>();
}

await builder.Build().RunAsync();
