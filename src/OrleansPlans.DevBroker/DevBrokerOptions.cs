using System.Text.RegularExpressions;

namespace OrleansPlans.DevBroker;

/// <summary>How a <see cref="DevBrokerCluster"/> is started.</summary>
public sealed partial record DevBrokerOptions
{
    /// <summary>The bootstrap file the dev broker tool writes when none is configured, relative to the current directory.</summary>
    public const string DefaultBootstrapFile = ".data/dev-broker/bootstrap.txt";

    /// <summary>The highest broker count accepted; the mock runs every broker on one thread.</summary>
    public const int MaxBrokerCount = 16;

    /// <summary>The highest partition count accepted per topic.</summary>
    public const int MaxPartitions = 1024;

    /// <summary>
    /// Partitions of each output and dead-letter topic, by default, wherever a dev broker is started (the CLI's
    /// <c>dev-broker</c>, the main job's <c>Kafka:DevBrokerOutputPartitions</c>). Few, because the mock walks a
    /// partition's whole log on every fetch, and the projector adds a message set to every output partition it touches
    /// each flush: the sink's fetches cost the number of output partitions times their length.
    /// </summary>
    public const int DefaultOutputPartitions = 4;

    /// <summary>Number of brokers, with ids 1 to <see cref="BrokerCount"/>. Default 3.</summary>
    public int BrokerCount { get; init; } = 3;

    /// <summary>
    /// Partitions of each topic in <see cref="Topics"/> and of topics created without an explicit count.
    /// Default 16: the mock keeps only about 5 MB per partition, so many partitions keep more history.
    /// </summary>
    public int DefaultPartitions { get; init; } = 16;

    /// <summary>
    /// Replication factor of created topics when not given explicitly; null (the default) means
    /// min(3, <see cref="BrokerCount"/>). The mock assigns replicas but never moves leaders by itself.
    /// </summary>
    public int? DefaultReplicationFactor { get; init; }

    /// <summary>Topics created at start-up with <see cref="DefaultPartitions"/> partitions. Default none.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>
    /// When set, broker <c>i</c> (1-based) is reachable at <c>127.0.0.1:FixedBasePort + i - 1</c> and the
    /// bootstrap address is stable across restarts (e.g. 9092 gives 127.0.0.1:9092,127.0.0.1:9093,...).
    /// Null (the default) uses the ephemeral ports the mock picks.
    /// </summary>
    public int? FixedBasePort { get; init; }

    /// <summary>
    /// File that receives the bootstrap address while the cluster runs and is deleted on dispose.
    /// Null (the default) writes no file; the dev broker tool uses <see cref="DefaultBootstrapFile"/>.
    /// </summary>
    public string? BootstrapFile { get; init; }

    /// <summary>
    /// The broker's <c>group.initial.rebalance.delay.ms</c>: how long a new consumer group waits for more
    /// members before the first assignment. Default zero, so consumers start at once in development and
    /// tests (a real broker waits 3 seconds).
    /// </summary>
    public TimeSpan GroupInitialRebalanceDelay { get; init; } = TimeSpan.Zero;

    /// <summary>The replication factor used when none is given: <see cref="DefaultReplicationFactor"/> or min(3, brokers).</summary>
    public int EffectiveReplicationFactor => DefaultReplicationFactor ?? Math.Min(3, BrokerCount);

    /// <summary>Every problem with these options, each naming the option; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (BrokerCount is < 1 or > MaxBrokerCount)
        {
            problems.Add($"{nameof(BrokerCount)} must be between 1 and {MaxBrokerCount}, but is {BrokerCount}.");
        }

        if (DefaultPartitions is < 1 or > MaxPartitions)
        {
            problems.Add($"{nameof(DefaultPartitions)} must be between 1 and {MaxPartitions}, but is {DefaultPartitions}.");
        }

        if (DefaultReplicationFactor is { } replication && (replication < 1 || replication > BrokerCount))
        {
            problems.Add(
                $"{nameof(DefaultReplicationFactor)} must be between 1 and {nameof(BrokerCount)} ({BrokerCount}), but is {replication}.");
        }

        if (Topics is null)
        {
            problems.Add($"{nameof(Topics)} must not be null; use an empty list for no topics.");
        }
        else
        {
            problems.AddRange(Topics.Where(t => !IsValidTopicName(t)).Select(t =>
                $"{nameof(Topics)} contains '{t}', which is not a Kafka topic name (1 to 249 characters of a-z A-Z 0-9 . _ -, not '.' or '..')."));
            problems.AddRange(Topics.Where(IsValidTopicName).GroupBy(t => t, StringComparer.Ordinal).Where(g => g.Count() > 1)
                .Select(g => $"{nameof(Topics)} lists '{g.Key}' {g.Count()} times."));
        }

        if (FixedBasePort is { } port && (port < 1 || port + BrokerCount - 1 > 65535))
        {
            problems.Add(
                $"{nameof(FixedBasePort)} must leave room for {BrokerCount} ports between 1 and 65535, but is {port}.");
        }

        if (BootstrapFile is not null && string.IsNullOrWhiteSpace(BootstrapFile))
        {
            problems.Add($"{nameof(BootstrapFile)} must be null (no file) or a path, but is blank.");
        }

        if (GroupInitialRebalanceDelay < TimeSpan.Zero || GroupInitialRebalanceDelay > TimeSpan.FromMinutes(5))
        {
            problems.Add(
                $"{nameof(GroupInitialRebalanceDelay)} must be between zero and 5 minutes, but is {GroupInitialRebalanceDelay}.");
        }

        return problems;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every problem found by <see cref="Validate"/>.</summary>
    public void ThrowIfInvalid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid {nameof(DevBrokerOptions)}: {string.Join(" ", problems)}");
        }
    }

    /// <summary>Whether <paramref name="name"/> is a legal Kafka topic name.</summary>
    public static bool IsValidTopicName(string? name) =>
        name is not null && name.Length <= 249 && name is not ("." or "..") && TopicNamePattern().IsMatch(name);

    [GeneratedRegex("^[a-zA-Z0-9._-]+$")]
    private static partial Regex TopicNamePattern();
}
