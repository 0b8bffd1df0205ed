namespace OrleansPlans.Cli.Tests;

/// <summary><c>produce</c> against a dev broker: keys by topic, bad lines reported by number, counts at the end.</summary>
public sealed class ProduceCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("orleansplans-produce-").FullName;

    [Fact]
    public async Task produce_sends_each_good_line_keyed_by_user_and_reports_bad_lines_by_number()
    {
        using var broker = Brokers.StartWithContractTopics();
        var file = Write("usage.jsonl",
            """{"eventId":"u-1","userId":"user-1","contentId":"c-1","seconds":60,"occurredAt":"2026-03-01T10:00:00Z"}""",
            """{"eventId":"u-2","userId":"user-2","contentId":"c-1","seconds":30,"occurredAt":"2026-03-01T10:00:00Z"}""",
            """{"eventId":"u-3", this is not json""",
            "",
            """{"eventId":"u-4","contentId":"c-2","seconds":5,"occurredAt":"2026-03-01T10:00:00Z"}""",
            """{"eventId":"u-5","userId":"user-1","contentId":"c-2","seconds":5,"occurredAt":"2026-03-01T11:00:00Z"}""");

        var result = await new CliRunner().RunAsync("produce", file, "--topic", "content-usage", "--bootstrap", broker.BootstrapServers);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("usage.jsonl:3: not valid JSON", result.Error, StringComparison.Ordinal);
        Assert.Contains("usage.jsonl:5: no non-empty string field 'userId'", result.Error, StringComparison.Ordinal);
        Assert.Contains("Produced 3 records to content-usage; skipped 2 bad lines; 0 delivery failures.", result.Out, StringComparison.Ordinal);
        Assert.Contains("progress: 100%", result.Out, StringComparison.Ordinal);

        var records = Brokers.ReadAll(broker.BootstrapServers, "content-usage", expected: 3);
        Assert.Equal(
            ["user-1|u-1", "user-1|u-5", "user-2|u-2"],
            records.Select(r => $"{r.Message.Key}|{System.Text.Json.JsonDocument.Parse(r.Message.Value).RootElement.GetProperty("eventId").GetString()}").Order());
    }

    [Fact]
    public async Task produce_keys_merges_by_source_plan_and_stop_on_error_sends_only_the_lines_before()
    {
        using var broker = Brokers.StartWithContractTopics();
        var file = Write("merges.jsonl",
            """{"eventId":"g-1","sourcePlanId":"plan-1","targetPlanId":"plan-2","occurredAt":"2026-03-02T00:00:00Z","requestedBy":"ops"}""",
            """[1, 2, 3]""",
            """{"eventId":"g-2","sourcePlanId":"plan-3","targetPlanId":"plan-2","occurredAt":"2026-03-02T00:00:00Z","requestedBy":"ops"}""");

        var result = await new CliRunner().RunAsync(
            "produce", file, "--topic", "plan-merges", "--stop-on-error", "--bootstrap", broker.BootstrapServers);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("merges.jsonl:2: no non-empty string field 'sourcePlanId'", result.Error, StringComparison.Ordinal);
        Assert.Contains("stopped at line 2", result.Error, StringComparison.Ordinal);
        Assert.Contains("Produced 1 records to plan-merges; skipped 1 bad lines", result.Out, StringComparison.Ordinal);
        var record = Assert.Single(Brokers.ReadAll(broker.BootstrapServers, "plan-merges", expected: 1));
        Assert.Equal("plan-1", record.Message.Key);
    }

    [Fact]
    public async Task produce_with_key_field_none_sends_null_keys_and_refuses_a_missing_topic_or_file()
    {
        using var broker = Brokers.StartWithContractTopics();
        var file = Write("any.jsonl", "\"just a string\"", "42");

        var result = await new CliRunner().RunAsync("produce", file, "--topic", "content-usage", "--key-field", "none", "--bootstrap", broker.BootstrapServers);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.All(Brokers.ReadAll(broker.BootstrapServers, "content-usage", expected: 2), r => Assert.Null(r.Message.Key));

        var missingTopic = await new CliRunner().RunAsync("produce", file, "--topic", "no-such-topic", "--bootstrap", broker.BootstrapServers);
        Assert.Equal(1, missingTopic.ExitCode);
        Assert.Contains("Topic 'no-such-topic' does not exist", missingTopic.Error, StringComparison.Ordinal);

        var missingFile = await new CliRunner().RunAsync("produce", Path.Combine(_directory, "nope.jsonl"), "--topic", "content-usage", "--bootstrap", broker.BootstrapServers);
        Assert.Equal(1, missingFile.ExitCode);
        Assert.Contains("nope.jsonl does not exist", missingFile.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllLines(path, lines);
        return path;
    }
}
