using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using OrleansPlans.Sink.Postgres;

namespace OrleansPlans.Projection.Tests;

/// <summary>Wiring the sink into a host: the hosted service, the data source, options validated at start-up.</summary>
public sealed class PostgresSinkRegistrationTests
{
    [Fact]
    public async Task AddPostgresTableSink_runs_the_sink_as_a_hosted_service_over_the_hosts_data_source()
    {
        var services = new ServiceCollection().AddLogging();
        await using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Username=postgres");
        services.AddSingleton(dataSource);
        services.AddPostgresTableSink(o => o.BootstrapServers = "127.0.0.1:9092");
        await using var provider = services.BuildServiceProvider();

        var sink = provider.GetRequiredService<PostgresTableSink>();
        Assert.Contains(provider.GetServices<IHostedService>(), s => ReferenceEquals(s, sink));
        Assert.Same(dataSource, provider.GetRequiredKeyedService<NpgsqlDataSource>(PostgresSinkServiceCollectionExtensions.DataSourceKey));
    }

    [Fact]
    public void invalid_sink_options_are_reported_together_each_naming_its_option()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddPostgresTableSink(o =>
        {
            o.Schema = "Bad-Schema";
            o.BatchSize = 0;
            o.PollTimeout = TimeSpan.Zero;
            o.ConsumerGroupId = " ";
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PostgresSinkOptions>>().Value);

        foreach (var option in new[] { "Schema", "BootstrapServers", "ConsumerGroupId", "BatchSize", "PollTimeout", "ConnectionString" })
        {
            Assert.Contains(error.Failures, f => f.StartsWith($"PostgresSinkOptions.{option}", StringComparison.Ordinal));
        }
    }
}
