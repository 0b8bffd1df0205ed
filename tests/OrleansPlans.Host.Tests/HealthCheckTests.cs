using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using OrleansPlans.DevBroker;
using OrleansPlans.Host.Health;
using OrleansPlans.Input.Kafka;
using OrleansPlans.Postgres.Embedded;
using OrleansPlans.Streaming.Kafka;

namespace OrleansPlans.Host.Tests;

/// <summary>The readiness checks say unhealthy, with the reason, when Kafka or PostgreSQL cannot be reached.</summary>
public sealed class HealthCheckTests
{
    private static HealthCheckContext Context(IHealthCheck check) =>
        new() { Registration = new HealthCheckRegistration("test", check, HealthStatus.Unhealthy, null) };

    [Fact]
    public async Task kafka_check_is_healthy_while_a_broker_answers_and_unhealthy_when_all_are_down()
    {
        await using var broker = DevBrokerCluster.Start(new DevBrokerOptions { BrokerCount = 1 });
        var options = new KafkaInputOptions { BootstrapServers = broker.BootstrapServers };
        broker.CreateTopic(options.MembershipTopic, partitions: 1);
        using var check = new KafkaHealthCheck(options);

        var up = await check.CheckHealthAsync(Context(check), TestContext.Current.CancellationToken);
        Assert.Equal(HealthStatus.Healthy, up.Status);
        Assert.Contains("1 broker(s)", up.Description, StringComparison.Ordinal);

        broker.SetBrokerDown(broker.BrokerIds[0]);
        var down = await check.CheckHealthAsync(Context(check), TestContext.Current.CancellationToken);
        Assert.Equal(HealthStatus.Unhealthy, down.Status);
        Assert.Contains(broker.BootstrapServers, down.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task kafka_check_is_unhealthy_when_the_input_topic_is_missing()
    {
        await using var broker = DevBrokerCluster.Start(new DevBrokerOptions { BrokerCount = 1 });
        using var check = new KafkaHealthCheck(new KafkaInputOptions { BootstrapServers = broker.BootstrapServers, MembershipTopic = "no-such-topic" });

        var result = await check.CheckHealthAsync(Context(check), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("no-such-topic", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task postgres_check_is_healthy_against_a_server_and_unhealthy_against_a_closed_port()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await PrivatePostgresCluster.StartAsync(cancellationToken: cancellationToken);
        await using var serverSource = NpgsqlDataSource.Create(server.GetConnectionString());
        var healthy = new PostgresHealthCheck(serverSource);
        Assert.Equal(HealthStatus.Healthy, (await healthy.CheckHealthAsync(Context(healthy), cancellationToken)).Status);

        await using var closedSource = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={LoopbackPorts.Free()};Username=postgres");
        var closed = new PostgresHealthCheck(closedSource);
        var result = await closed.CheckHealthAsync(Context(closed), cancellationToken);
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith("PostgreSQL unreachable", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task stuck_partitions_make_the_silo_unready_naming_each_partition_and_offset()
    {
        var stuck = new FixedStuckPartitions();
        var check = new StuckPartitionsHealthCheck(stuck);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(Context(check), TestContext.Current.CancellationToken)).Status);

        stuck.Current = [new KafkaStuckPartition("content-usage", 5, 508, new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), 3, "Broker: Message size too large")];
        var result = await check.CheckHealthAsync(Context(check), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("content-usage[5] stuck at offset 508 since 2026-03-01T10:00:00Z after 3 failures: Broker: Message size too large", result.Description);
    }

    private sealed class FixedStuckPartitions : IKafkaStuckPartitions
    {
        public IReadOnlyList<KafkaStuckPartition> Current { get; set; } = [];
    }
}
