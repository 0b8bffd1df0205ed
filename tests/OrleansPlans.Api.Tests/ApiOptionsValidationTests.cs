using Microsoft.Extensions.Options;

namespace OrleansPlans.Api.Tests;

public sealed class ApiOptionsValidationTests(ApiCluster cluster)
{
    [Fact]
    public async Task bad_options_fail_at_start_up_naming_each_option_and_never_the_key()
    {
        const string shortKey = "short-secret";
        var settings = new Dictionary<string, string?>
        {
            ["Api:ReadKeys:0"] = shortKey,
            ["Api:DefaultPageSize"] = "0",
            ["Api:MaxHourlyUsageRange"] = "-01:00:00",
        };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => cluster.StartApiAsync(settings));

        Assert.Equal(
            new[]
            {
                "Api:ReadKeys:0 has 12 characters; API keys need at least 16",
                "Api:DefaultPageSize is 0; it must be from 1 to Api:MaxPageSize (1000)",
                "Api:MaxHourlyUsageRange is -01:00:00; it must be positive",
            },
            error.Failures);
        Assert.DoesNotContain(shortKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task requiring_auth_for_reads_without_any_key_fails_at_start_up()
    {
        var settings = new Dictionary<string, string?> { ["Api:RequireAuthForReads"] = "true" };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => cluster.StartApiAsync(settings));

        Assert.Equal(
            new[] { "Api:RequireAuthForReads is true but neither Api:OperatorKeys nor Api:ReadKeys has a key, so nobody could read" },
            error.Failures);
    }
}
