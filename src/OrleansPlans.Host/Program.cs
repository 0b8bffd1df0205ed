using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrleansPlans.Api.Hosting;
using OrleansPlans.Dashboard.Hosting;
using OrleansPlans.Host.Demo;
using OrleansPlans.Host.Health;
using OrleansPlans.Host.Hosting;
using OrleansPlans.Host.Kafka;
using OrleansPlans.Host.Postgres;
using OrleansPlans.Host.Telemetry;
using OrleansPlans.Silo;
using OrleansPlans.Sink.Postgres;

// Settings ship beside the binary, so the job behaves the same from any working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.FilterWatchdogStartupNoise(); // one false alarm of Orleans' watchdog on every start (see the class)
builder.JoinDevRunIfAsked(); // Dev:Join=true: one of several silos of a dev run (see README, "Several silos")
builder.ApplyPipelineVersion(); // Pipeline:Version=v2: a version beside the serving one, with names of its own (README, "Reprocessing")
var kafka = builder.AddKafkaInput();
var runsSink = builder.Configuration.GetValue("Sink:Enabled", true);
// The process's one PostgreSQL pool, named in pg_stat_activity so an operator (and the several-silos test) sees which process runs the sink.
var postgres = await builder.AddPostgresAsync(fresh: kafka.UsesDevBroker, applicationName: $"OrleansPlans.Host pid {Environment.ProcessId}{(runsSink ? " (sink)" : "")}");
var silo = HostSettings.Read(builder.Configuration, "Orleans", new SiloOptionsValidator());
builder.AddOrleansPlansSilo(silo, kafka);
var telemetry = builder.AddOrleansPlansTelemetry(silo.InstanceId);
builder.AddServiceApi(kafka);
builder.AddDashboard(kafka, postgres, silo);
builder.AddOrleansDashboardSignIn();
builder.Services.AddPipelineHealthChecks();
builder.Services.AddHostedService<ReadyAnnouncer>();
if (runsSink)
{
    builder.Services.AddPostgresTableSink(o => SinkHosting.Configure(o, kafka, postgres.AnalyticsSchema, builder.Configuration["Sink:ConsumerGroupId"]));
}

if (builder.Configuration.GetValue("Demo:Enabled", true))
{
    // The demo reads its results back from the analytics tables, which the sink fills.
    if (!runsSink)
    {
        throw new InvalidOperationException("Demo:Enabled requires Sink:Enabled (the demo prints the analytics tables the sink writes).");
    }

    builder.Services.AddOptions<DemoOptions>().Bind(builder.Configuration.GetSection("Demo")).Validate(o => o.Users > 0, "Demo:Users must be positive");
    builder.Services.AddSingleton<KafkaDemoProducer>();
    builder.Services.AddHostedService<DemoJob>();
}

var app = builder.Build();
app.MapOrleansPlansApi();
app.MapOrleansPlansDashboard();
app.MapOrleansClusterDashboard();
app.MapPipelineHealth();
app.MapOrleansPlansTelemetry(telemetry);
await app.RunAsync();
