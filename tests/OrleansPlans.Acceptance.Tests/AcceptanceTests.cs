using System.Diagnostics;
using OrleansPlans.Oracle;

namespace OrleansPlans.Acceptance.Tests;

/// <summary>
/// Issue 4, item 4: generated data (≥ 50k records with merges, duplicates, late and poison records) produced to the dev
/// broker → two OrleansPlans.Host silo processes → output topics → PostgreSQL; once the input is consumed every table
/// equals the oracle row for row, also when one silo process is killed mid-stream and started again.
/// </summary>
public sealed class AcceptanceTests
{
    private const int TestTimeoutMs = 15 * 60 * 1000;
    private static readonly TimeSpan CatchUpTimeout = TimeSpan.FromMinutes(6);
    private const long KillAfterOutputRecords = 8_000;
    private static readonly string[] Silos = ["silo-a", "silo-b"];

    [Fact(Timeout = TestTimeoutMs)]
    public async Task tables_equal_the_oracle_after_the_input_is_consumed()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var records = Generate(seed: 4101);
        var expected = Expected(records);
        var run = Stopwatch.StartNew();
        await using var environment = await AcceptanceEnvironment.StartAsync("consumed", Silos, cancellationToken);
        environment.Note(expected.Summary);

        var positions = await InputProducer.ProduceAsync(environment.BootstrapServers, records, cancellationToken);
        environment.Note($"{positions.Count} records produced");
        var oracle = expected.For(positions);
        var differences = await environment.WaitUntilTablesEqualAsync(oracle, CatchUpTimeout, cancellationToken);
        environment.Note($"compared: {(differences.Length == 0 ? "equal" : "NOT equal")}; whole run {run.Elapsed.TotalSeconds:F0} s");
        Assert.True(differences.Length == 0, differences);

        // The same processes serve probes and the service API; each silo answers for every plan, wherever its grain lives.
        foreach (var silo in Silos)
        {
            using var http = new HttpClient { BaseAddress = environment.HttpBase(silo), Timeout = TimeSpan.FromSeconds(30) };
            await HostSurface.AssertReadyAsync(http, cancellationToken);
            var apiDifferences = await HostSurface.PlanDifferencesAsync(http, oracle, cancellationToken);
            Assert.True(apiDifferences.Count == 0, $"{silo}: " + string.Join("\n", apiDifferences.Take(20)));
        }

        var (connectionString, clusterId) = environment.Cluster;
        var clientDifferences = await TypedClient.ResolutionDifferencesAsync(connectionString, clusterId, oracle, cancellationToken);
        Assert.True(clientDifferences.Count == 0, string.Join("\n", clientDifferences.Take(20)));
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task tables_equal_the_oracle_when_a_silo_process_is_killed_mid_stream_and_restarted()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var records = Generate(seed: 4202);
        var expected = Expected(records);
        var run = Stopwatch.StartNew();
        await using var environment = await AcceptanceEnvironment.StartAsync("killed", Silos, cancellationToken);
        environment.Note(expected.Summary);

        var half = records.Count / 2;
        var positions = await InputProducer.ProduceAsync(environment.BootstrapServers, records.Take(half).ToList(), cancellationToken);
        environment.Note($"{positions.Count} records produced (first half)");
        // Well into the stream (the whole run projects about 90,000 output records): the silo then has active grains,
        // checkpoints behind its deliveries and records in flight when it dies.
        var output = await environment.WaitUntilOutputAtLeastAsync(KillAfterOutputRecords, TimeSpan.FromMinutes(3), cancellationToken);
        var before = await environment.ReadTablesAsync(cancellationToken);
        await environment.KillSiloAsync(Silos[1]);
        environment.Note($"killed after {output} output records, with {before.RowCount} rows in the tables");
        positions.AddRange(await InputProducer.ProduceAsync(environment.BootstrapServers, records.Skip(half).ToList(), cancellationToken));
        environment.Note($"{positions.Count} records produced (all)");
        await environment.RestartSiloAsync(Silos[1], cancellationToken);

        var differences = await environment.WaitUntilTablesEqualAsync(expected.For(positions), CatchUpTimeout, cancellationToken);
        environment.Note($"compared: {(differences.Length == 0 ? "equal" : "NOT equal")}; whole run {run.Elapsed.TotalSeconds:F0} s");

        Assert.True(differences.Length == 0, differences);
    }

    /// <summary>About 52,000 records: 10,000 membership and 40,000 usage events plus duplicates, poison and merges.</summary>
    private static IReadOnlyList<RawRecord> Generate(int seed)
    {
        var records = new EventGenerator(new GeneratorOptions
        {
            Seed = seed, Users = 400, Plans = 48, MembershipEvents = 10_000, UsageEvents = 40_000, Merges = 40,
            Partitions = AcceptanceEnvironment.InputPartitions, MergePartitions = 1,
            // Ten days from 24 February: usage on both sides of a month boundary (plan_usage_monthly).
            StartUtc = new DateTime(2026, 2, 24, 0, 0, 0, DateTimeKind.Utc),
        }).Generate();
        Assert.True(records.Count >= 50_000, $"only {records.Count} records generated");
        return records;
    }

    /// <summary>
    /// The oracle over the generated positions, computed before anything runs (it takes a while on a busy 2-core
    /// machine); also proves the data exercises every rule.
    /// </summary>
    private static ExpectedTables Expected(IReadOnlyList<RawRecord> records)
    {
        var (tables, statistics) = BatchOracle.Run(records);
        Assert.True(statistics.MergesApplied > 0, "no merge applied");
        Assert.True(statistics.MergesRefusedSelf + statistics.MergesRefusedConflict + statistics.MergesRefusedCycle > 0, "no merge refused");
        Assert.True(statistics.DuplicatesIgnored.Values.Sum() > 0, "no duplicates");
        Assert.True(statistics.LateEvents > 0, "no late events");
        Assert.True(statistics.InvalidByReason.Values.Sum() > 0, "no poison records");
        Assert.True(tables[TableNames.DeadLetters].Count > 0 && tables[TableNames.PlanUsageHourly].Count > 0, "expected tables are too thin");
        return new ExpectedTables(records, tables, statistics);
    }
}
