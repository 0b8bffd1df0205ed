using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OrleansPlans.Host.Hosting;
using OrleansPlans.Host.Postgres;
using OrleansPlans.Host.Telemetry;
using OrleansPlans.Input.Kafka;
using OrleansPlans.Silo;

namespace OrleansPlans.Host.Tests;

/// <summary>
/// The host refuses to start on a bad setting of the sections it composes itself from, naming every bad setting as an
/// operator writes it and never repeating a value (a connection string holds a password).
/// </summary>
public sealed class HostSettingsTests
{
    [Fact]
    public void the_defaults_of_every_section_are_valid()
    {
        var empty = Configuration([]);
        Assert.Equal("orleansplans", HostSettings.Read(empty, "Kafka", new KafkaInputOptionsValidator()).ConsumerGroupId);
        Assert.Equal("analytics", HostSettings.Read(empty, "Postgres", new PostgresOptionsValidator()).AnalyticsSchema);
        Assert.Equal(11111, HostSettings.Read(empty, "Orleans", new SiloOptionsValidator()).SiloPort);
        Assert.True(HostSettings.Read(empty, "Telemetry", new TelemetryOptionsValidator()).Prometheus);
    }

    [Fact]
    public void the_main_jobs_dev_broker_gives_output_topics_the_partitions_the_clis_does()
    {
        var empty = Configuration([]);
        Assert.Equal(OrleansPlans.DevBroker.DevBrokerOptions.DefaultOutputPartitions,
            HostSettings.Read(empty, "Kafka", new KafkaInputOptionsValidator()).DevBrokerOutputPartitions);
    }

    [Fact]
    public void every_bad_kafka_setting_is_named_at_once()
    {
        var error = Assert.Throws<OptionsValidationException>(() => HostSettings.Read(Configuration(new()
        {
            ["Kafka:UsageTopic"] = "plan-membership",
            ["Kafka:OutputTopics:plan_usage_dayly"] = "typo",
            ["Kafka:ConsumerGroupId"] = " ",
            ["Kafka:MaxEventDeliveryTime"] = "00:00:00",
            ["Kafka:DevBrokerOutputPartitions"] = "0",
        }), "Kafka", new KafkaInputOptionsValidator()));

        Assert.Equal(5, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.Contains("Kafka:MembershipTopic and Kafka:UsageTopic name the same topic", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Kafka:OutputTopics:plan_usage_dayly is not a table", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Kafka:ConsumerGroupId", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Kafka:MaxEventDeliveryTime", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Kafka:DevBrokerOutputPartitions must be from 1 to 1000", StringComparison.Ordinal));
    }

    [Fact]
    public void a_bad_connection_string_is_named_without_repeating_its_password()
    {
        var error = Assert.Throws<OptionsValidationException>(() => HostSettings.Read(Configuration(new()
        {
            ["Postgres:ConnectionString"] = "Host=db;Password=s3cret-value;Bogus Keyword=1",
            ["Postgres:AnalyticsSchema"] = "Analytics; drop table x",
        }), "Postgres", new PostgresOptionsValidator()));

        Assert.Contains(error.Failures, f => f.StartsWith("Postgres:ConnectionString is not a valid connection string", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Postgres:AnalyticsSchema", StringComparison.Ordinal));
        Assert.DoesNotContain("s3cret-value", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Orleans:SiloPort", "0", "Orleans:SiloPort must be a port")]
    [InlineData("Orleans:GatewayPort", "11111", "Orleans:SiloPort and Orleans:GatewayPort must differ")]
    [InlineData("Orleans:AdvertisedAddress", "not a host!", "Orleans:AdvertisedAddress must be")]
    [InlineData("Orleans:ClusterId", "", "Orleans:ClusterId must not be empty")]
    public void a_bad_silo_setting_is_named(string key, string value, string message)
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            HostSettings.Read(Configuration(new() { [key] = value }), "Orleans", new SiloOptionsValidator()));
        Assert.Contains(error.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void a_host_name_is_a_valid_advertised_address()
    {
        Assert.Equal("silo-1", HostSettings.Read(Configuration(new() { ["Orleans:AdvertisedAddress"] = "silo-1" }), "Orleans", new SiloOptionsValidator()).AdvertisedAddress);
    }

    [Fact]
    public void a_relative_otlp_endpoint_is_refused()
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            HostSettings.Read(Configuration(new() { ["Telemetry:OtlpEndpoint"] = "collector:4317" }), "Telemetry", new TelemetryOptionsValidator()));
        Assert.Contains(error.Failures, f => f.StartsWith("Telemetry:OtlpEndpoint must be an absolute http or https URL", StringComparison.Ordinal));
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
