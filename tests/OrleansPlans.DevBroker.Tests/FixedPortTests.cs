using System.Net;
using System.Net.Sockets;

namespace OrleansPlans.DevBroker.Tests;

public sealed class FixedPortTests
{
    [Fact]
    public async Task fixed_ports_give_a_predictable_bootstrap_address_that_clients_use_end_to_end()
    {
        var token = TestContext.Current.CancellationToken;
        var basePort = LoopbackPorts.FreeConsecutive(3);
        var topic = TestNames.Unique("fixed");
        await using var cluster = DevBrokerCluster.Start(new DevBrokerOptions { FixedBasePort = basePort, Topics = [topic] });

        Assert.Equal($"127.0.0.1:{basePort},127.0.0.1:{basePort + 1},127.0.0.1:{basePort + 2}", cluster.BootstrapServers);

        // Metadata must advertise the fixed ports too, or clients would bypass them after bootstrapping.
        using (var admin = KafkaClients.Admin(cluster.BootstrapServers))
        {
            var brokers = admin.GetMetadata(TimeSpan.FromSeconds(10)).Brokers.OrderBy(b => b.BrokerId).ToArray();
            Assert.Equal([1, 2, 3], brokers.Select(b => b.BrokerId));
            Assert.Equal([basePort, basePort + 1, basePort + 2], brokers.Select(b => b.Port));
            Assert.All(brokers, b => Assert.Equal("127.0.0.1", b.Host));
        }

        using var producer = KafkaClients.IdempotentProducer(cluster.BootstrapServers);
        await KafkaClients.ProduceAsync(producer, topic, Enumerable.Range(0, 200), token);
        using var consumer = KafkaClients.Consumer(cluster.BootstrapServers, TestNames.Unique("group"));
        consumer.Subscribe(topic);
        var keys = KafkaClients.ConsumeKeys(consumer, 200, TimeSpan.FromSeconds(60), token);
        Assert.Equal(Enumerable.Range(0, 200).Select(KafkaClients.Key).Order(), keys.Order());
        consumer.Close();
    }

    [Fact]
    public async Task the_fixed_ports_are_released_on_dispose_so_a_restarted_broker_gets_the_same_address()
    {
        var basePort = LoopbackPorts.FreeConsecutive(2);
        var options = new DevBrokerOptions { BrokerCount = 2, FixedBasePort = basePort };

        string firstAddress;
        await using (var first = DevBrokerCluster.Start(options))
        {
            firstAddress = first.BootstrapServers;
        }

        await using var second = DevBrokerCluster.Start(options);
        Assert.Equal(firstAddress, second.BootstrapServers);
    }

    [Fact]
    public void a_fixed_port_in_use_fails_with_a_message_naming_the_port_and_the_option()
    {
        using var blocker = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        blocker.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        blocker.Listen(1);
        var taken = ((IPEndPoint)blocker.LocalEndPoint!).Port;

        var error = Assert.Throws<InvalidOperationException>(
            () => DevBrokerCluster.Start(new DevBrokerOptions { BrokerCount = 1, FixedBasePort = taken }));

        Assert.Contains($"127.0.0.1:{taken}", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(DevBrokerOptions.FixedBasePort), error.Message, StringComparison.Ordinal);
    }
}
