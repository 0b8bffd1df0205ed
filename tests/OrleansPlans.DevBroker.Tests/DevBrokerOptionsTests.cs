namespace OrleansPlans.DevBroker.Tests;

public sealed class DevBrokerOptionsTests
{
    [Fact]
    public void defaults_are_valid_three_brokers_and_sixteen_partitions()
    {
        var options = new DevBrokerOptions();

        Assert.Empty(options.Validate());
        Assert.Equal(3, options.BrokerCount);
        Assert.Equal(16, options.DefaultPartitions);
        Assert.Equal(3, options.EffectiveReplicationFactor);
        Assert.Null(options.FixedBasePort);
        Assert.Null(options.BootstrapFile);
    }

    [Fact]
    public void every_problem_is_reported_at_once_naming_its_option()
    {
        var options = new DevBrokerOptions
        {
            BrokerCount = 0,
            DefaultPartitions = 0,
            Topics = ["ok", "not valid!", "ok"],
            FixedBasePort = 65535,
            BootstrapFile = " ",
            GroupInitialRebalanceDelay = TimeSpan.FromSeconds(-1),
        };

        var problems = options.Validate();

        Assert.Contains(problems, p => p.StartsWith("BrokerCount must be between 1 and 16", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("DefaultPartitions must be between 1", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Topics contains 'not valid!'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Topics lists 'ok' 2 times", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("BootstrapFile must be null", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("GroupInitialRebalanceDelay must be between", StringComparison.Ordinal));
        Assert.Equal(6, problems.Count);

        var error = Assert.Throws<ArgumentException>(() => DevBrokerCluster.Start(options));
        Assert.Contains("BrokerCount", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void fixed_ports_must_fit_below_65536_and_replication_within_the_brokers()
    {
        var problems = new DevBrokerOptions { BrokerCount = 3, FixedBasePort = 65534, DefaultReplicationFactor = 4 }.Validate();

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("FixedBasePort must leave room for 3 ports", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("DefaultReplicationFactor must be between 1 and BrokerCount (3)", StringComparison.Ordinal));
    }
}
