using Orleans.Runtime;

namespace OrleansPlans.Streaming.Kafka.Tests;

/// <summary>Misconfiguration is reported at start-up, every problem at once, naming the option.</summary>
public sealed class OptionsValidationTests
{
    [Fact]
    public void empty_options_name_every_missing_setting()
    {
        var problems = KafkaStreamOptionsValidator.Validate(new KafkaStreamOptions(), isSilo: true);

        Assert.Contains(problems, p => p.StartsWith("KafkaStreamOptions.BootstrapServers", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("KafkaStreamOptions.Topics", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("KafkaStreamOptions.ConsumerGroupId", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("KafkaStreamOptions.DeadLetterTopic", StringComparison.Ordinal));
    }

    [Fact]
    public void clients_need_only_brokers_and_topics()
    {
        var options = new KafkaStreamOptions { BootstrapServers = "127.0.0.1:9092" };
        options.Topics.Add(new KafkaTopicOptions { Name = "t" });

        Assert.Empty(KafkaStreamOptionsValidator.Validate(options, isSilo: false));
        Assert.NotEmpty(KafkaStreamOptionsValidator.Validate(options, isSilo: true));
    }

    [Fact]
    public void bad_values_are_reported_with_the_option_and_the_value()
    {
        var options = new KafkaStreamOptions
        {
            BootstrapServers = "127.0.0.1:9092",
            ConsumerGroupId = "g",
            DeadLetterTopic = "t",
            MaxBatchSize = 0,
            CacheSize = 5,
            PollInterval = TimeSpan.Zero,
        };
        options.Topics.Add(new KafkaTopicOptions { Name = "t", PartitionCount = 0 });
        options.Topics.Add(new KafkaTopicOptions { Name = "u", StreamNamespace = "t" });

        var problems = KafkaStreamOptionsValidator.Validate(options, isSilo: true);

        Assert.Contains("KafkaStreamOptions.MaxBatchSize must be positive (was 0).", problems);
        Assert.Contains("KafkaStreamOptions.CacheSize must be at least 10 (was 5).", problems);
        Assert.Contains(problems, p => p.StartsWith("KafkaStreamOptions.PollInterval must be positive", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("KafkaStreamOptions.Topics[0].PartitionCount must be positive", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("KafkaStreamOptions.Topics[1].StreamNamespace 't'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("KafkaStreamOptions.DeadLetterTopic 't' must not also be", StringComparison.Ordinal));
    }

    [Fact]
    public void the_dead_letter_limit_defaults_below_a_megabyte_follows_message_max_bytes_and_is_checked()
    {
        var options = new KafkaStreamOptions { BootstrapServers = "127.0.0.1:9092", ConsumerGroupId = "g", DeadLetterTopic = "d" };
        options.Topics.Add(new KafkaTopicOptions { Name = "t" });
        Assert.Equal(900_000, options.EffectiveDeadLetterMaxMessageBytes);

        options.ClientConfig["message.max.bytes"] = "65536";
        Assert.Equal(65536 - 1024, options.EffectiveDeadLetterMaxMessageBytes);

        options.DeadLetterMaxMessageBytes = 100_000;
        Assert.Contains("KafkaStreamOptions.DeadLetterMaxMessageBytes (100000) must not exceed the producer's message.max.bytes (65536) in KafkaStreamOptions.ClientConfig.",
            KafkaStreamOptionsValidator.Validate(options, isSilo: true));

        options.DeadLetterMaxMessageBytes = 1000;
        Assert.Contains("KafkaStreamOptions.DeadLetterMaxMessageBytes must be at least 16384 (was 1000).", KafkaStreamOptionsValidator.Validate(options, isSilo: true));

        options.DeadLetterMaxMessageBytes = 20_000;
        Assert.Empty(KafkaStreamOptionsValidator.Validate(options, isSilo: true));
    }

    [Fact]
    public async Task a_silo_with_bad_options_refuses_to_start_and_says_which_option()
    {
        await using var world = KafkaStreamsTestWorld.WithDevBroker(partitions: 1);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => world.StartClusterAsync(silos: 1, configureKafka: o =>
        {
            o.DeadLetterTopic = "";
            o.CheckpointStorageName = "no-such-storage";
        }));

        var message = Unwrap(error).Message;
        Assert.Contains("KafkaStreamOptions.DeadLetterTopic is required", message, StringComparison.Ordinal);
        Assert.Contains("KafkaStreamOptions.CheckpointStorageName: no grain storage named 'no-such-storage'", message, StringComparison.Ordinal);
    }

    private static Exception Unwrap(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is OrleansConfigurationException)
            {
                return e;
            }
        }

        return error;
    }
}
