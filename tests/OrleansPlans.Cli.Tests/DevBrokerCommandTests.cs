using System.Net;
using System.Net.Sockets;
using Confluent.Kafka;

namespace OrleansPlans.Cli.Tests;

/// <summary><c>dev-broker</c> runs until cancelled, with the contract's topics and its bootstrap file.</summary>
public sealed class DevBrokerCommandTests
{
    [Fact]
    public async Task dev_broker_serves_the_contract_topics_at_the_fixed_port_until_cancelled()
    {
        var port = LoopbackPorts.FreeConsecutive(3);
        var file = Path.Combine(Path.GetTempPath(), $"orleansplans-bootstrap-{Guid.NewGuid():N}.txt");
        using var stop = new CancellationTokenSource();
        var running = new CliRunner().RunAsync(stop.Token, "dev-broker", "--port", $"{port}", "--partitions", "3", "--output-partitions", "2", "--bootstrap-file", file);

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!File.Exists(file) && !running.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(file), running.IsCompleted ? (await running).ToString() : "no bootstrap file within 15 s");
        var bootstrap = File.ReadAllText(file).Trim();
        Assert.Equal($"127.0.0.1:{port},127.0.0.1:{port + 1},127.0.0.1:{port + 2}", bootstrap);

        using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build())
        {
            Dictionary<string, int> partitions = [];
            while (!partitions.ContainsKey("plan-merges") && DateTime.UtcNow < deadline)
            {
                partitions = admin.GetMetadata(TimeSpan.FromSeconds(5)).Topics.ToDictionary(t => t.Topic, t => t.Partitions.Count);
            }

            Assert.Equal(3, partitions["plan-membership"]);
            Assert.Equal(3, partitions["content-usage"]);
            Assert.Equal(1, partitions["plan-merges"]);
            Assert.Equal(2, partitions["plan-usage-hourly"]);
            Assert.Equal(2, partitions["dead-letters"]);
        }

        await stop.CancelAsync();
        var result = await running.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"bootstrap.servers={bootstrap}", result.Out, StringComparison.Ordinal);
        Assert.Contains("Topic plan-merges: 1 partition", result.Out, StringComparison.Ordinal);
        Assert.Contains("Output and dead-letter topics: 2 partitions each", result.Out, StringComparison.Ordinal);
        Assert.Contains("Dev Kafka broker stopped.", result.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(file), "the bootstrap file is removed on stop");
    }

    [Fact]
    public async Task dev_broker_on_a_port_in_use_exits_1_naming_the_port()
    {
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        taken.Listen(1);
        var port = ((IPEndPoint)taken.LocalEndPoint!).Port;
        var file = Path.Combine(Path.GetTempPath(), $"orleansplans-bootstrap-{Guid.NewGuid():N}.txt");

        var result = await new CliRunner().RunAsync("dev-broker", "--port", $"{port}", "--bootstrap-file", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"127.0.0.1:{port}", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }
}
