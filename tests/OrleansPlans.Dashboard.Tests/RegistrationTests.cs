using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrleansPlans.Api.Hosting;
using OrleansPlans.Dashboard.Hosting;

namespace OrleansPlans.Dashboard.Tests;

public sealed class RegistrationTests
{
    private static readonly IConfiguration Empty = new ConfigurationBuilder().Build();

    [Theory]
    [InlineData("Analytics")]
    [InlineData("analytics; drop table plans")]
    [InlineData("")]
    public void a_schema_name_that_could_not_be_spliced_into_sql_safely_is_refused(string schema)
    {
        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddOrleansPlansDashboard(Empty, "Host=127.0.0.1", schema));

        Assert.Contains("is not accepted: use 1 to 63 lower-case letters, digits or '_'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void an_empty_connection_string_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddOrleansPlansDashboard(Empty, " "));
    }

    [Fact]
    public async Task the_host_may_add_the_api_too_in_either_order()
    {
        // Both register the ApiKey scheme; a second registration would fail when authentication options are built.
        var services = new ServiceCollection().AddLogging();
        services.AddOrleansPlansApi(Empty);
        services.AddOrleansPlansDashboard(Empty, "Host=127.0.0.1");
        services.AddOrleansPlansApi(Empty);
        await using var provider = services.BuildServiceProvider();

        var schemes = provider.GetRequiredService<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider>();

        Assert.Single(await schemes.GetAllSchemesAsync());
    }
}
