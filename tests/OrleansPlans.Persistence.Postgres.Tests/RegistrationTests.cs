using Microsoft.Extensions.Hosting;
using OrleansPlans.Persistence.Postgres.Hosting;

namespace OrleansPlans.Persistence.Postgres.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void a_missing_connection_string_is_named_in_the_error()
    {
        var host = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });

        var error = Assert.Throws<InvalidOperationException>(() => host.UseOrleans(silo => silo.UsePostgresOrleans("PlansDb")));

        Assert.Contains("ConnectionStrings:PlansDb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void an_invalid_connection_string_is_refused_without_echoing_it()
    {
        const string secret = "Host=127.0.0.1;Password=hunter2;NoSuchKeyword=1";
        var host = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });

        var error = Assert.Throws<ArgumentException>(() => host.UseOrleans(silo => silo.UsePostgresClustering(secret)));

        Assert.Equal("connectionString", error.ParamName);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }
}
