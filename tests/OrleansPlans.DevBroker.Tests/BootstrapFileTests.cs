namespace OrleansPlans.DevBroker.Tests;

public sealed class BootstrapFileTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), TestNames.Unique("dev-broker-test"));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task the_bootstrap_file_holds_the_address_while_running_and_is_removed_on_dispose()
    {
        var file = Path.Combine(directory, "nested", "bootstrap.txt");

        await using (var cluster = DevBrokerCluster.Start(new DevBrokerOptions { BootstrapFile = file }))
        {
            Assert.Equal(Path.GetFullPath(file), cluster.BootstrapFilePath);
            Assert.Equal(cluster.BootstrapServers + Environment.NewLine, await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
            Assert.Equal(cluster.BootstrapServers, KafkaBootstrap.ReadBootstrapFile(file));
        }

        Assert.False(File.Exists(file));
        Assert.Null(KafkaBootstrap.ReadBootstrapFile(file));
    }

    [Fact]
    public async Task a_bootstrap_file_replaced_by_a_newer_broker_is_left_alone()
    {
        var file = Path.Combine(directory, "bootstrap.txt");
        var cluster = DevBrokerCluster.Start(new DevBrokerOptions { BrokerCount = 1, BootstrapFile = file });
        await using (var newer = DevBrokerCluster.Start(new DevBrokerOptions { BrokerCount = 1, BootstrapFile = file }))
        {
            await cluster.DisposeAsync();

            Assert.Equal(newer.BootstrapServers, KafkaBootstrap.ReadBootstrapFile(file));
        }

        Assert.False(File.Exists(file));
    }

    [Fact]
    public void no_file_is_written_unless_configured()
    {
        using var cluster = DevBrokerCluster.Start(new DevBrokerOptions { BrokerCount = 1 });

        Assert.Null(cluster.BootstrapFilePath);
    }
}
