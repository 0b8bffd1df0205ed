namespace OrleansPlans.DevBroker.Tests;

public sealed class DevBrokerRunnerTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), TestNames.Unique("dev-broker-runner"));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task the_runner_prints_the_address_and_topics_keeps_the_file_while_running_and_cleans_up_on_cancel()
    {
        var file = Path.Combine(directory, "bootstrap.txt");
        var topic = TestNames.Unique("runner");
        var output = new StringWriter();
        var ready = new TaskCompletionSource<DevBrokerCluster>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var run = DevBrokerRunner.RunUntilCancelledAsync(
            new DevBrokerOptions { BootstrapFile = file, Topics = [topic] }, output, stop.Token, c => ready.SetResult(c));
        var cluster = await ready.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(cluster.BootstrapServers, KafkaBootstrap.ReadBootstrapFile(file));
        Assert.Contains($"bootstrap.servers={cluster.BootstrapServers}", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"Topic {topic}: 16 partitions", output.ToString(), StringComparison.Ordinal);
        using (var admin = KafkaClients.Admin(cluster.BootstrapServers))
        {
            Assert.Equal(16, admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics[0].Partitions.Count);
        }

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.False(File.Exists(file));
        Assert.EndsWith("Dev Kafka broker stopped." + Environment.NewLine, output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task without_a_configured_file_the_runner_writes_the_default_one_under_the_current_directory()
    {
        var ready = new TaskCompletionSource<DevBrokerCluster>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var run = DevBrokerRunner.RunUntilCancelledAsync(
            new DevBrokerOptions { BrokerCount = 1 }, TextWriter.Null, stop.Token, c => ready.SetResult(c));
        var cluster = await ready.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(Path.GetFullPath(DevBrokerOptions.DefaultBootstrapFile), cluster.BootstrapFilePath);
        Assert.Equal(cluster.BootstrapServers, KafkaBootstrap.ReadBootstrapFile());

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.False(File.Exists(DevBrokerOptions.DefaultBootstrapFile));
    }
}
