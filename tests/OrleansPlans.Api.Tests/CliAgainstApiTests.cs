using Microsoft.Extensions.DependencyInjection;
using OrleansPlans.Cli;

namespace OrleansPlans.Api.Tests;

/// <summary>
/// The <c>orleansplans</c> merge commands against this API (not a fake): the CLI's tests check what it sends and how it
/// prints, these check that the real server understands it and the CLI understands the real answers.
/// </summary>
[Collection(MergeOperationsCollection.Name)]
public sealed class CliAgainstApiTests(ApiCluster cluster)
{
    private readonly StreamMergePublisher _publisher = new(cluster);

    [Fact]
    public async Task preview_then_merge_with_wait_then_status_through_the_cli()
    {
        var s = await MergeOpsScenario.SeedAsync(cluster.Client, "cli-real");
        await using var api = await StartAsync();

        var preview = await RunAsync(api, OperatorApi.OperatorKey, "merge", "--source", s.Source, "--target", s.Target, "--preview");
        Assert.True(preview.ExitCode == 0, preview.ToString());
        Assert.Contains("would_apply", preview.Out, StringComparison.Ordinal);
        Assert.Contains(s.Carol, preview.Out, StringComparison.Ordinal); // the source's member shows among the survivor's

        var merge = await RunAsync(api, OperatorApi.OperatorKey, "merge", "--source", s.Source, "--target", s.Target,
            "--request-id", "cli-real-1", "--requested-by", "ops@example.com", "--wait");
        Assert.True(merge.ExitCode == 0, merge.ToString());
        Assert.Contains("applied", merge.Out, StringComparison.Ordinal);
        Assert.Equal(1, _publisher.CountOf("op:cli-real-1"));

        var status = await RunAsync(api, OperatorApi.OperatorKey, "merge-status", "cli-real-1");
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("applied", status.Out, StringComparison.Ordinal);
        Assert.Contains("ops@example.com", status.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_cli_reports_the_servers_401_403_and_404_and_exits_1()
    {
        await using var api = await StartAsync();

        var withoutKey = await RunAsync(api, null, "merge-status", "cli-none");
        var readKey = await RunAsync(api, OperatorApi.ReadKey, "merge-status", "cli-none");
        var unknown = await RunAsync(api, OperatorApi.OperatorKey, "merge-status", "cli-none");

        Assert.Equal((1, 1, 1), (withoutKey.ExitCode, readKey.ExitCode, unknown.ExitCode));
        Assert.Contains("401", withoutKey.Error, StringComparison.Ordinal);
        Assert.Contains("--api-key", withoutKey.Error, StringComparison.Ordinal);
        Assert.Contains("403", readKey.Error, StringComparison.Ordinal);
        Assert.Contains("404", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_cli_shows_the_servers_400_field_message_for_a_merge_into_itself()
    {
        await using var api = await StartAsync();

        var result = await RunAsync(api, OperatorApi.OperatorKey, "merge", "--source", "cli-self", "--target", "cli-self", "--request-id", "cli-self-1");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("targetPlanId", result.Out + result.Error, StringComparison.Ordinal);
        Assert.Equal(0, _publisher.CountOf("op:cli-self-1"));
    }

    private Task<ApiHost> StartAsync() =>
        cluster.StartApiAsync(OperatorApi.Keys, services: services => services.AddSingleton<Publishing.IMergeEventPublisher>(_publisher));

    private static async Task<CliResult> RunAsync(ApiHost api, string? key, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var handler = api.CreateHandler();
        var environment = new CliEnvironment(output, error, name => name == "ORLEANSPLANS_API_KEY" ? key : null, IsInteractive: false, HttpHandler: handler);
        var exitCode = await CliApp.RunAsync([.. args, "--api", "http://localhost"], environment, TestContext.Current.CancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    private sealed record CliResult(int ExitCode, string Out, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n--- out:\n{Out}\n--- error:\n{Error}";
    }
}
