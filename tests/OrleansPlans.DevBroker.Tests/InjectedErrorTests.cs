using Confluent.Kafka;

namespace OrleansPlans.DevBroker.Tests;

public sealed class InjectedErrorTests
{
    private const short ProduceApiKey = 0;

    [Fact]
    public async Task an_injected_produce_error_reaches_the_producer_and_the_next_request_succeeds()
    {
        var token = TestContext.Current.CancellationToken;
        var topic = TestNames.Unique("errors");
        await using var cluster = DevBrokerCluster.Start(new DevBrokerOptions { BrokerCount = 1, Topics = [topic] });

        // A plain producer, so the outcome depends on the injected error alone and not on the
        // idempotent producer's own recovery rules.
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers }).Build();
        await producer.ProduceAsync(topic, new Message<string, string> { Key = "warm-up", Value = "v" }, token);

        // A rejected record is not retried, so the injected error is what the caller sees.
        cluster.FailNextRequests(ProduceApiKey, ErrorCode.InvalidRecord);

        var failure = await Assert.ThrowsAsync<ProduceException<string, string>>(
            () => producer.ProduceAsync(topic, new Message<string, string> { Key = "refused", Value = "v" }, token));
        Assert.Equal(ErrorCode.InvalidRecord, failure.Error.Code);

        var accepted = await producer.ProduceAsync(topic, new Message<string, string> { Key = "accepted", Value = "v" }, token);
        Assert.Equal(PersistenceStatus.Persisted, accepted.Status);
    }
}
