using Npgsql;
using OrleansPlans.Host.Postgres;

namespace OrleansPlans.Host.Tests;

/// <summary>The pools' default size leaves room for several hosts on one server, and a size the operator chose is kept.</summary>
public sealed class PoolSizingTests
{
    [Theory]
    [InlineData(197, 49)] // the embedded server: max_connections 200, 3 reserved
    [InlineData(97, 24)]  // PostgreSQL's defaults
    [InlineData(20, PoolSizing.MinDefault)]
    [InlineData(5000, PoolSizing.MaxDefault)]
    public void the_default_is_a_quarter_of_the_servers_connections_within_bounds(int available, int expected) =>
        Assert.Equal(expected, PoolSizing.Quarter(available));

    [Theory]
    [InlineData("Maximum Pool Size=7")]
    [InlineData("MaxPoolSize=7")]
    [InlineData("maximum pool size=7")]
    public async Task a_pool_size_in_the_connection_string_is_kept_without_asking_the_server(string setting)
    {
        // Nothing listens at the port: asking the server would fail.
        var connectionString = $"Host=127.0.0.1;Port={LoopbackPorts.Free()};Username=postgres;{setting}";

        var (result, chosen) = await PoolSizing.ApplyDefaultAsync(connectionString, maxPoolSize: 30, TestContext.Current.CancellationToken);

        Assert.Equal(connectionString, result);
        Assert.Null(chosen);
        Assert.Equal(7, new NpgsqlConnectionStringBuilder(result).MaxPoolSize);
    }

    [Fact]
    public async Task the_configured_size_applies_when_the_connection_string_names_none()
    {
        var (result, chosen) = await PoolSizing.ApplyDefaultAsync($"Host=127.0.0.1;Port={LoopbackPorts.Free()};Username=postgres", maxPoolSize: 30, TestContext.Current.CancellationToken);

        Assert.Equal(30, chosen);
        Assert.Equal(30, new NpgsqlConnectionStringBuilder(result).MaxPoolSize);
    }
}
