namespace OrleansPlans.Cli.Tests;

/// <summary>A wrong command line exits 2 with a message naming the problem, before anything is sent anywhere.</summary>
public sealed class UsageErrorTests
{
    [Theory]
    [InlineData("Unrecognized command or argument 'frobnicate'", "frobnicate")]
    [InlineData("Option '--target' is required.", "merge", "--source", "plan-a")]
    [InlineData("--source: field 'source' contains 'U+0020'", "merge", "--source", "plan a", "--target", "plan-b")]
    [InlineData("--preview cannot be combined with --wait", "merge", "--source", "plan-a", "--target", "plan-b", "--preview", "--wait")]
    [InlineData("--wait-timeout must be more than zero", "merge", "--source", "plan-a", "--target", "plan-b", "--wait-timeout", "00:00:00")]
    [InlineData("Required argument missing for command: 'merge-status'", "merge-status")]
    [InlineData("The request id is not accepted: field 'requestId' contains '/'", "merge-status", "a/b")]
    [InlineData("The request id is not accepted", "merge", "--source", "plan-a", "--target", "plan-b", "--request-id", "")]
    [InlineData("pass --yes to confirm", "replay")]
    [InlineData("--schema must be 1 to 63", "status", "--schema", "Bad-Schema")]
    [InlineData("Argument 'sessionId' not recognized", "produce", "x.jsonl", "--topic", "content-usage", "--key-field", "sessionId")]
    [InlineData("Option '--topic' is required.", "produce", "x.jsonl")]
    [InlineData("is not a Kafka topic name", "produce", "x.jsonl", "--topic", "no spaces")]
    [InlineData("--kafka-config takes KEY=VALUE", "status", "--kafka-config", "sasl.mechanism")]
    [InlineData("--port must be from 1 to 65533", "dev-broker", "--port", "0")]
    [InlineData("--partitions must be from 1 to 1024", "dev-broker", "--partitions", "0")]
    [InlineData("Cannot parse argument 'lots'", "dev-broker", "--partitions", "lots")]
    public async Task a_wrong_command_line_exits_2_with_a_clear_message(string expected, params string[] args)
    {
        var api = new FakeApi();
        var result = await new CliRunner { HttpHandler = api }.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Contains("--help' for usage.", result.Error, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
    }

    [Theory]
    [InlineData("merge")]
    [InlineData("merge-status")]
    [InlineData("replay")]
    [InlineData("produce")]
    [InlineData("dev-broker")]
    [InlineData("migrate")]
    [InlineData("status")]
    public async Task every_command_has_help_describing_each_option(string command)
    {
        var result = await new CliRunner().RunAsync(command, "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Usage:", result.Out, StringComparison.Ordinal);
        Assert.Contains($" {command}", result.Out, StringComparison.Ordinal);
        // Every option line carries a description after its name.
        var optionLines = result.Out.Split('\n').Where(l => l.TrimStart().StartsWith("--", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(optionLines);
        Assert.All(optionLines, line => Assert.Matches(@"^\s+--\S+.*\s{2,}\S", line));
    }
}
