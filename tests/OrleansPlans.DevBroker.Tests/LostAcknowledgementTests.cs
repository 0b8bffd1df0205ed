using Confluent.Kafka;

namespace OrleansPlans.DevBroker.Tests;

public sealed class LostAcknowledgementTests
{
    private const int LeaderId = 1;
    private const int RecordCount = 10;

    /// <remarks>
    /// Observed behaviour of the mock (librdkafka 2.16), kept as a characterisation test: with a response
    /// delay longer than the producer's request timeout, the broker appends each produce on arrival, the
    /// client times the request out and sends the same batch again (same producer id, epoch and base
    /// sequence), and the mock appends it a second time. The mock checks sequence numbers only for
    /// transactional producers (those with a <c>transactional.id</c>), so unlike a real broker it does not
    /// drop the retry of a merely idempotent producer. Consumers must therefore de-duplicate (by event id),
    /// and this is a reliable way to feed them duplicates. If this test starts failing for the idempotent
    /// case, librdkafka has started de-duplicating and the remark should be updated.
    /// </remarks>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task a_retried_produce_whose_acknowledgement_was_lost_is_stored_twice_even_with_idempotence(bool idempotent)
    {
        var token = TestContext.Current.CancellationToken;
        var topic = TestNames.Unique("lost-ack");
        await using var cluster = DevBrokerCluster.Start(new DevBrokerOptions { Topics = [topic], DefaultPartitions = 2 });
        cluster.SetPartitionLeader(topic, 0, LeaderId);
        var partition = new TopicPartition(topic, new Partition(0));

        var requestTimedOut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig
            {
                BootstrapServers = cluster.BootstrapServers,
                EnableIdempotence = idempotent,
                Acks = Acks.All,
                MessageSendMaxRetries = 100,
                SocketTimeoutMs = 500,
                MessageTimeoutMs = 60_000,
                LingerMs = 0,
                ReconnectBackoffMs = 50,
                ReconnectBackoffMaxMs = 200,
            })
            .SetLogHandler((_, log) =>
            {
                // librdkafka reports the timed-out in-flight request under the REQTMOUT facility.
                if (log.Facility == "REQTMOUT")
                {
                    requestTimedOut.TrySetResult();
                }
            })
            .Build();

        // Connect and learn the leader first, so the delay hits produce requests only.
        await producer.ProduceAsync(partition, Message(0), token);

        cluster.SetBrokerRoundTripDelay(LeaderId, TimeSpan.FromSeconds(2));
        var pending = Enumerable.Range(1, RecordCount - 1).Select(i => producer.ProduceAsync(partition, Message(i), token)).ToArray();
        await requestTimedOut.Task.WaitAsync(TimeSpan.FromSeconds(30), token);
        cluster.SetBrokerRoundTripDelay(LeaderId, TimeSpan.Zero);

        await Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(60), token);
        var keys = ReadWholePartition(cluster.BootstrapServers, partition, token);

        // Nothing is lost, and the batch that was retried appears again after its first copy.
        Assert.Equal(Enumerable.Range(0, RecordCount).Select(KafkaClients.Key), keys.Distinct());
        Assert.True(keys.Count > RecordCount, $"expected the retried batch twice, read {keys.Count} records");
        Assert.Equal(keys.Count - RecordCount, keys.Skip(RecordCount).Count(k => k != KafkaClients.Key(0)));
    }

    private static Message<string, string> Message(int i) => new() { Key = KafkaClients.Key(i), Value = $"value-{i}" };

    private static List<string> ReadWholePartition(string bootstrapServers, TopicPartition partition, CancellationToken token)
    {
        using var reader = KafkaClients.Consumer(bootstrapServers, TestNames.Unique("reader"));
        var end = reader.QueryWatermarkOffsets(partition, TimeSpan.FromSeconds(10)).High.Value;
        reader.Assign(new TopicPartitionOffset(partition, Offset.Beginning));
        var keys = KafkaClients.ConsumeKeys(reader, checked((int)end), TimeSpan.FromSeconds(30), token);
        Assert.Equal(end, keys.Count);
        return keys;
    }
}
