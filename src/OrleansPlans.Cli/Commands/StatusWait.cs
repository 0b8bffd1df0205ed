using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using System.Globalization;
using OrleansPlans.Operations.Status;

namespace OrleansPlans.Cli.Commands;

/// <summary>
/// <c>orleansplans status --wait</c>: polls the status until the pipeline has caught up (input and sink lag known and
/// zero, no partition reported stuck), for scripts and tests to wait on instead of sleeping.
/// </summary>
internal static class StatusWait
{
    /// <summary>How often the status is read while waiting; each read opens a Kafka client and a connection.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(24);

    /// <summary>The <c>--timeout</c> option: <c>60s</c>, <c>5m</c>, <c>1h</c>, <c>500ms</c> or <c>HH:MM:SS</c>; default 60 s.</summary>
    public static Option<TimeSpan> TimeoutOption()
    {
        var option = new Option<TimeSpan>("--timeout")
        {
            Description = "With --wait: how long to poll before giving up, e.g. 60s, 5m, 1h or 00:01:00.",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(60),
            CustomParser = Parse,
            HelpName = "DURATION",
        };
        option.Validators.AddSafe(result =>
        {
            var value = result.GetValueOrDefault<TimeSpan>();
            if (value <= TimeSpan.Zero || value > MaxTimeout)
            {
                result.AddError($"--timeout must be more than zero and at most 24h (was {value}).");
            }
        });
        return option;
    }

    /// <summary>Reads the status until it is caught up or <paramref name="timeout"/> passed.</summary>
    /// <returns>The exit code (<see cref="ExitCodes.Ok"/> when caught up) and the last status read.</returns>
    public static async Task<(int ExitCode, PipelineStatus Last)> WaitAsync(
        Func<CancellationToken, Task<PipelineStatus>> read, TimeSpan timeout, TextWriter error, CancellationToken cancellationToken)
    {
        await error.WriteLineAsync($"Waiting up to {Describe(timeout)} for the pipeline to catch up...");
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            var status = await read(cancellationToken);
            var behind = Behind(status);
            if (behind is null)
            {
                await error.WriteLineAsync($"Caught up after {elapsed.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s: input and sink lag 0, no partition stuck.");
                return (ExitCodes.Ok, status);
            }

            var left = timeout - elapsed.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                await error.WriteLineAsync($"error: not caught up after {Describe(timeout)}: {behind}");
                return (ExitCodes.Failure, status);
            }

            await Task.Delay(left < PollInterval ? left : PollInterval, cancellationToken);
        }
    }

    /// <summary>What keeps <paramref name="status"/> from being caught up, in one sentence; null when it is caught up.</summary>
    internal static string? Behind(PipelineStatus status)
    {
        var problems = new List<string>();
        if (status.StuckPartitions.Count > 0)
        {
            problems.Add("stuck " + string.Join(", ", status.StuckPartitions.Select(p => $"{p.Topic}[{p.Partition}] at offset {p.Offset} ({p.LastError})")));
        }

        if (status.TotalInputLag is not { } input)
        {
            problems.Add($"input lag unknown ({(status.Kafka.Reachable ? "the silos' committed offsets could not be read" : $"Kafka unreachable: {status.Kafka.Error}")})");
        }
        else if (input > 0)
        {
            problems.Add($"input lag {input} ({Lagging(status.InputLag)})");
        }

        if (status.TotalSinkLag is not { } sink)
        {
            var why = !status.Kafka.Reachable ? $"Kafka unreachable: {status.Kafka.Error}"
                : !status.Postgres.Reachable ? $"PostgreSQL unreachable: {status.Postgres.Error}"
                : "the sink's offsets could not be read";
            problems.Add($"sink lag unknown ({why})");
        }
        else if (sink > 0)
        {
            problems.Add($"sink lag {sink} ({Lagging(status.SinkLag)})");
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static string Lagging(IReadOnlyList<PartitionLag> partitions)
    {
        var behind = partitions.Where(p => p.Lag is not 0).ToList();
        var named = string.Join(", ", behind.Take(5).Select(p => $"{p.Topic}[{p.Partition}] {(p.Lag is { } lag ? lag.ToString(CultureInfo.InvariantCulture) : "unknown")}"));
        return behind.Count > 5 ? $"{named} and {behind.Count - 5} more partitions" : named;
    }

    private static string Describe(TimeSpan value) => value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    private static TimeSpan Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : "";
        (string Suffix, double Seconds)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)];
        foreach (var (suffix, seconds) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text[..^suffix.Length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var count))
            {
                return TimeSpan.FromSeconds(count * seconds);
            }
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError($"--timeout takes a duration such as 60s, 5m, 1h or 00:01:00, but got '{text}'.");
        return default;
    }
}
