namespace OrleansPlans.Benchmarks;

/// <summary>What to run and how big; <see cref="Smoke"/> shrinks everything so the harness runs in seconds (CI).</summary>
public sealed record BenchmarkSettings
{
    /// <summary>Command-line help.</summary>
    public const string Usage =
        "usage: OrleansPlans.Benchmarks [--smoke] [--users N] [--grain-users N] [--usages-per-user N] [--seed N] [--repetitions N] [--skip-grains]\n" +
        "       [--e2e-users N] [--latency-seconds N] [--merge-members N] [--merge-usages-per-member N] [--skip-pipeline] [--skip-merge]\n" +
        "       [--sink-records N] [--skip-sink] [--sink-only] [--projector-only] [--sustained-seconds N] [--sustained-start N] [--sustained-steps N] [--scale-factor N] [--skip-kill] [--skip-scale]\n" +
        "       [--input-partitions N] [--output-partitions N]\n" +
        "       [--skip-monthly] [--monthly-rounds N]\n" +
        "   or: OrleansPlans.Benchmarks --micro [BenchmarkDotNet arguments, e.g. --filter *Codec*]";

    /// <summary>Tiny sizes, one pass: proves every part runs and prints its figure; the numbers mean nothing.</summary>
    public bool Smoke { get; init; }

    /// <summary>Users fed to the pure domain engine (and measured for memory).</summary>
    public int Users { get; init; } = 100_000;

    /// <summary>Users fed to the grains (a silo is slower per event; fewer users keep the run short).</summary>
    public int GrainUsers { get; init; } = 5_000;

    /// <summary>Usage events per user, on average.</summary>
    public int UsagesPerUser { get; init; } = 12;

    /// <summary>Seed of the workload generator: the same seed gives the same events.</summary>
    public int Seed { get; init; } = 6;

    /// <summary>Timed repetitions of the domain engine run (the best is reported; the first also warms up the JIT).</summary>
    public int Repetitions { get; init; } = 3;

    /// <summary>Runs only the domain engine and memory parts (for profiling the domain).</summary>
    public bool SkipGrains { get; init; }

    /// <summary>Users whose events go through the broker for the ceiling, end-to-end and latency parts.</summary>
    public int EndToEndUsers { get; init; } = 3_000;

    /// <summary>How long the paced producer of the latency part runs.</summary>
    public int LatencySeconds { get; init; } = 15;

    /// <summary>Members of the plan merged away in the merge part (issue 6: 10,000).</summary>
    public int MergeMembers { get; init; } = 10_000;

    /// <summary>Usage events per member of that plan (issue 6: 100, so 1,000,000 in all).</summary>
    public int MergeUsagesPerMember { get; init; } = 100;

    /// <summary>Skips the broker-based parts (ceiling, end-to-end, sustained rate, latency, kill, scale).</summary>
    public bool SkipPipeline { get; init; }

    /// <summary>Skips the merge part.</summary>
    public bool SkipMerge { get; init; }

    /// <summary>Output records written through the PostgreSQL sink alone (about a quarter as many distinct rows).</summary>
    public int SinkRecords { get; init; } = 200_000;

    /// <summary>Skips the sink part.</summary>
    public bool SkipSink { get; init; }

    /// <summary>Runs the sink part and nothing else (before/after comparisons of the sink).</summary>
    public bool SinkOnly { get; init; }

    /// <summary>Runs the projector comparison (flush intervals, linger, compression) and nothing else.</summary>
    public bool ProjectorOnly { get; init; }

    /// <summary>How long each step of the sustained-rate search holds its rate (issue 10: 60 s).</summary>
    public int SustainedSeconds { get; init; } = 60;

    /// <summary>The sustained-rate search's first rate; 0 starts at half the end-to-end rate.</summary>
    public int SustainedStartRate { get; init; }

    /// <summary>The most steps the sustained-rate search takes.</summary>
    public int SustainedSteps { get; init; } = 6;

    /// <summary>
    /// Partitions of each input topic on the dev broker (before any scaling for big backlogs). The mock cluster finds a
    /// fetch's position by walking the partition's message sets from the oldest, so a fetch costs the length of the log:
    /// more input partitions keep each log shorter (measured: see the benchmark README, seventh session).
    /// </summary>
    public int InputPartitions { get; init; } = 32;

    /// <summary>
    /// Partitions of each output topic on the dev broker. The projector writes one message set per partition it touches
    /// every flush, so every output partition's log grows by the flush rate and the sink's fetches walk it: fewer
    /// partitions, fewer walks.
    /// </summary>
    public int OutputPartitions { get; init; } = 4;

    /// <summary>Users and events of the scale run, as a multiple of the end-to-end run's (issue 10: 10).</summary>
    public int ScaleFactor { get; init; } = 10;

    /// <summary>Skips the run with a silo stopped mid-stream.</summary>
    public bool SkipKill { get; init; }

    /// <summary>Skips the scale run.</summary>
    public bool SkipScale { get; init; }

    /// <summary>Skips the monthly table's cost (end to end with and without <c>plan_usage_monthly</c>).</summary>
    public bool SkipMonthly { get; init; }

    /// <summary>
    /// Rounds of the monthly cost part: each runs end to end with the monthly table and without, in alternating order
    /// (with, without; without, with; …) so warm-up favours neither. Default 2; the smoke run does 1.
    /// </summary>
    public int MonthlyRounds { get; init; } = 2;

    /// <summary>Parses the command line; null when it is not understood.</summary>
    public static BenchmarkSettings? Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = new BenchmarkSettings();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--smoke":
                    settings = settings with
                    {
                        Smoke = true, Users = 300, GrainUsers = 100, UsagesPerUser = 6, Repetitions = 1, EndToEndUsers = 60,
                        LatencySeconds = 2, MergeMembers = 50, MergeUsagesPerMember = 10, SinkRecords = 2_000,
                        SustainedSeconds = 1, SustainedSteps = 2, ScaleFactor = 4, MonthlyRounds = 1, InputPartitions = 8,
                    };
                    break;
                case "--skip-grains":
                    settings = settings with { SkipGrains = true };
                    break;
                case "--skip-pipeline":
                    settings = settings with { SkipPipeline = true };
                    break;
                case "--skip-merge":
                    settings = settings with { SkipMerge = true };
                    break;
                case "--skip-sink":
                    settings = settings with { SkipSink = true };
                    break;
                case "--sink-only":
                    settings = settings with { SinkOnly = true };
                    break;
                case "--sink-records" when TryInt(args, ++i, out var sinkRecords):
                    settings = settings with { SinkRecords = sinkRecords };
                    break;
                case "--projector-only":
                    settings = settings with { ProjectorOnly = true };
                    break;
                case "--skip-kill":
                    settings = settings with { SkipKill = true };
                    break;
                case "--skip-scale":
                    settings = settings with { SkipScale = true };
                    break;
                case "--skip-monthly":
                    settings = settings with { SkipMonthly = true };
                    break;
                case "--monthly-rounds" when TryInt(args, ++i, out var monthlyRounds):
                    settings = settings with { MonthlyRounds = monthlyRounds };
                    break;
                case "--sustained-seconds" when TryInt(args, ++i, out var sustainedSeconds):
                    settings = settings with { SustainedSeconds = sustainedSeconds };
                    break;
                case "--sustained-start" when TryInt(args, ++i, out var sustainedStart):
                    settings = settings with { SustainedStartRate = sustainedStart };
                    break;
                case "--sustained-steps" when TryInt(args, ++i, out var sustainedSteps):
                    settings = settings with { SustainedSteps = sustainedSteps };
                    break;
                case "--input-partitions" when TryInt(args, ++i, out var inputPartitions):
                    settings = settings with { InputPartitions = inputPartitions };
                    break;
                case "--output-partitions" when TryInt(args, ++i, out var outputPartitions):
                    settings = settings with { OutputPartitions = outputPartitions };
                    break;
                case "--scale-factor" when TryInt(args, ++i, out var scaleFactor):
                    settings = settings with { ScaleFactor = scaleFactor };
                    break;
                case "--e2e-users" when TryInt(args, ++i, out var e2eUsers):
                    settings = settings with { EndToEndUsers = e2eUsers };
                    break;
                case "--latency-seconds" when TryInt(args, ++i, out var latencySeconds):
                    settings = settings with { LatencySeconds = latencySeconds };
                    break;
                case "--merge-members" when TryInt(args, ++i, out var mergeMembers):
                    settings = settings with { MergeMembers = mergeMembers };
                    break;
                case "--merge-usages-per-member" when TryInt(args, ++i, out var mergeUsages):
                    settings = settings with { MergeUsagesPerMember = mergeUsages };
                    break;
                case "--users" when TryInt(args, ++i, out var users):
                    settings = settings with { Users = users };
                    break;
                case "--grain-users" when TryInt(args, ++i, out var grainUsers):
                    settings = settings with { GrainUsers = grainUsers };
                    break;
                case "--usages-per-user" when TryInt(args, ++i, out var usages):
                    settings = settings with { UsagesPerUser = usages };
                    break;
                case "--seed" when TryInt(args, ++i, out var seed):
                    settings = settings with { Seed = seed };
                    break;
                case "--repetitions" when TryInt(args, ++i, out var repetitions):
                    settings = settings with { Repetitions = repetitions };
                    break;
                default:
                    return null;
            }
        }

        return settings;
    }

    private static bool TryInt(IReadOnlyList<string> args, int at, out int value)
    {
        value = 0;
        return at < args.Count && int.TryParse(args[at], out value) && value > 0;
    }
}
