namespace OrleansPlans.DevBroker.Tests;

public sealed class KafkaBootstrapTests
{
    [Fact]
    public void the_environment_variable_names_a_real_cluster()
    {
        var resolved = KafkaBootstrap.Resolve(name =>
            name == "ORLEANSPLANS_KAFKA_BOOTSTRAP" ? " kafka-1:9092,kafka-2:9092 " : null);

        Assert.Equal("kafka-1:9092,kafka-2:9092", resolved);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void without_the_variable_the_caller_starts_a_dev_broker(string? value)
    {
        Assert.Null(KafkaBootstrap.Resolve(_ => value));
    }

    [Fact]
    public void a_missing_bootstrap_file_reads_as_null()
    {
        Assert.Null(KafkaBootstrap.ReadBootstrapFile(Path.Combine(Path.GetTempPath(), TestNames.Unique("absent"), "bootstrap.txt")));
    }
}
