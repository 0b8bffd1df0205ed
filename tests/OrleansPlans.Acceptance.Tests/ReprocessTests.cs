using Npgsql;
using OrleansPlans.Oracle;

namespace OrleansPlans.Acceptance.Tests;

/// <summary>
/// Issue 12, part 2: a running deployment (the base version, which does not compute <c>plan_usage_monthly</c>) is
/// reprocessed from the earliest retained input into version v2 beside it, which does, while more input arrives;
/// analysts' queries on <c>analytics</c> keep answering from the base version until the switch, the switch happens once
/// v2 has caught up, in one transaction, and the switched tables, the gained one with them, equal the oracle.
/// </summary>
public sealed class ReprocessTests
{
    private const int TestTimeoutMs = 20 * 60 * 1000;
    private static readonly TimeSpan CatchUpTimeout = TimeSpan.FromMinutes(8);

    [Fact(Timeout = TestTimeoutMs)]
    public async Task a_new_version_reprocesses_history_beside_the_serving_one_and_takes_over_in_one_transaction()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var records = new EventGenerator(new GeneratorOptions
        {
            Seed = 1202, Users = 200, Plans = 24, MembershipEvents = 3_000, UsageEvents = 9_000, Merges = 16,
            Partitions = AcceptanceEnvironment.InputPartitions, MergePartitions = 1,
        }).Generate();
        var (tables, statistics) = BatchOracle.Run(records);
        Assert.True(statistics.MergesApplied > 0 && statistics.InvalidByReason.Values.Sum() > 0, "the data set must merge plans and dead-letter records");
        await using var run = await ReprocessEnvironment.StartAsync("reprocess", ["-v2"], cancellationToken);

        // The serving deployment: the base version (no Pipeline:Version), with its tables in analytics, over most of the
        // input. It predates monthly active users: its plan_usage_monthly stays empty (the table the new version gains).
        await run.StartHostAsync("base", ["--PlanTables:MonthlyUsage=false"], cancellationToken);
        var firstPart = records.Count * 3 / 5;
        var produced = await InputProducer.ProduceAsync(run.BootstrapServers, records.Take(firstPart).ToList(), cancellationToken);
        var earlier = TablePrecision.ToTimestamptz(BatchOracle.Compute(produced), out _).WithEmpty(TableNames.PlanUsageMonthly);
        run.Note($"{produced.Count} records produced; oracle {earlier.RowCount} rows");
        var baseDifferences = await run.WaitUntilEqualAsync("analytics", earlier, CatchUpTimeout, cancellationToken);
        Assert.True(baseDifferences.Length == 0, baseDifferences);

        // v2 prepared but not running: it has read nothing, so the switch is refused and analytics still serves the base.
        var start = await run.CliAsync(cancellationToken, "reprocess", "start", "v2");
        Assert.True(start.ExitCode == 0, start.Error);
        Assert.Equal(0, (await run.ReadTablesAsync("analytics_v2", cancellationToken)).RowCount);
        var early = await run.CliAsync(cancellationToken, "reprocess", "switch", "v2");
        Assert.Equal(1, early.ExitCode);
        Assert.Contains("has not caught up", early.Error, StringComparison.Ordinal);
        Assert.Equal("", earlier.DescribeDifferences(await run.ReadTablesAsync("analytics", cancellationToken)));

        // v2 starts from the earliest offsets while the rest of the input arrives: both versions consume it live.
        await run.StartHostAsync("v2", ["--Pipeline:Version=v2"], cancellationToken);
        produced.AddRange(await InputProducer.ProduceAsync(run.BootstrapServers, records.Skip(firstPart).ToList(), cancellationToken));
        var oracle = new ExpectedTables(records, tables, statistics).For(produced);
        var baseOracle = oracle.WithEmpty(TableNames.PlanUsageMonthly);
        Assert.True(oracle[TableNames.PlanUsageMonthly].Count > 0, "the data set must have monthly rows for v2 to gain");
        run.Note($"{produced.Count} records produced in all; oracle {oracle.RowCount} rows");
        baseDifferences = await run.WaitUntilEqualAsync("analytics", baseOracle, CatchUpTimeout, cancellationToken);
        Assert.True(baseDifferences.Length == 0, baseDifferences);

        // Analysts keep querying analytics while v2 catches up and through the switch: every snapshot must be whole.
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Task.Run(() => ReadContinuouslyAsync(run, baseOracle, oracle, stopReading.Token), CancellationToken.None);
        var caughtUp = await run.CliAsync(cancellationToken, "reprocess", "status", "v2", "--wait", "--timeout", "8m");
        Assert.True(caughtUp.ExitCode == 0, caughtUp.Out + caughtUp.Error);
        Assert.Contains("v2 has caught up", caughtUp.Out, StringComparison.Ordinal);
        var v2Differences = await run.WaitUntilEqualAsync("analytics_v2", oracle, TimeSpan.FromMinutes(1), cancellationToken);
        Assert.True(v2Differences.Length == 0, v2Differences);
        Assert.Equal(["BASE TABLE"], await TableTypesAsync(run.DataSource, "analytics", cancellationToken));

        var switched = await run.CliAsync(cancellationToken, "reprocess", "switch", "v2");
        Assert.True(switched.ExitCode == 0, switched.Error);
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken); // a few more snapshots after the switch
        await stopReading.CancelAsync();
        var (kinds, wrong) = await reader;
        run.Note($"{kinds.Count} snapshots of analytics read while v2 reprocessed and switched: {kinds.Count(k => k == 'r')} of the base tables, then {kinds.Count(k => k == 'v')} of v2's views");
        Assert.True(wrong is null, wrong);
        // The base version answered every query until the switch, and v2 every query after it: never back and forth.
        var served = new string([.. kinds]);
        Assert.Matches("^r+v+$", served);

        // analytics now shows v2 through views; the base version's tables moved to analytics_base, whole.
        Assert.Equal(["VIEW"], await TableTypesAsync(run.DataSource, "analytics", cancellationToken));
        Assert.Equal("", oracle.DescribeDifferences(await run.ReadTablesAsync("analytics", cancellationToken)));
        Assert.Equal("", baseOracle.DescribeDifferences(await run.ReadTablesAsync("analytics_base", cancellationToken)));
        var status = await run.CliAsync(cancellationToken, "reprocess", "status", "v2");
        Assert.Contains("analytics serves: v2", status.Out, StringComparison.Ordinal);

        // The old version is stopped and dropped; analysts still read v2.
        await run.StopHostAsync("base");
        var drop = await run.CliAsync(cancellationToken, "reprocess", "drop", "base", "--yes");
        Assert.True(drop.ExitCode == 0, drop.Error);
        Assert.Empty(await TableTypesAsync(run.DataSource, "analytics_base", cancellationToken));
        Assert.Equal(0L, await ScalarAsync(run.DataSource, "select count(*) from grain_state where position('/' in state_name) = 0", cancellationToken));
        Assert.True(await ScalarAsync(run.DataSource, "select count(*) from grain_state where state_name like 'v2/%'", cancellationToken) > 0);
        Assert.Equal("", oracle.DescribeDifferences(await run.ReadTablesAsync("analytics", cancellationToken)));
        var dropServing = await run.CliAsync(cancellationToken, "reprocess", "drop", "v2", "--yes");
        Assert.Equal(1, dropServing.ExitCode);
    }

    /// <summary>
    /// Reads analytics in one snapshot after another until stopped, noting for each what <c>analytics.plans</c> was ('r'
    /// the base version's table, 'v' a view onto v2's); the first snapshot that is not that version's oracle, or an
    /// error, ends it.
    /// </summary>
    private static async Task<(List<char> Kinds, string? Wrong)> ReadContinuouslyAsync(
        ReprocessEnvironment run, CanonicalTables baseOracle, CanonicalTables oracle, CancellationToken stop)
    {
        var kinds = new List<char>();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var before = await RelationKindAsync(run.DataSource);
                var snapshot = await run.ReadTablesAsync("analytics", CancellationToken.None);
                var after = await RelationKindAsync(run.DataSource);
                // A snapshot read during the switch must be one version's whole, whichever.
                var differences = (before, after) switch
                {
                    ('r', 'r') => baseOracle.DescribeDifferences(snapshot),
                    ('v', 'v') => oracle.DescribeDifferences(snapshot),
                    _ => oracle.DescribeDifferences(snapshot).Length == 0 ? "" : baseOracle.DescribeDifferences(snapshot),
                };
                if (differences.Length > 0)
                {
                    return (kinds, $"snapshot {kinds.Count + 1} of analytics differs from its version's oracle:\n{differences}");
                }

                if (before == after)
                {
                    kinds.Add(before); // a snapshot read during the switch is not attributed to either version
                }
            }
            catch (NpgsqlException error)
            {
                return (kinds, $"snapshot {kinds.Count + 1} of analytics failed: {error.Message}");
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return (kinds, null);
    }

    private static async Task<char> RelationKindAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("select relkind from pg_class where oid = to_regclass('analytics.plans')");
        return (char)(await command.ExecuteScalarAsync(CancellationToken.None))!;
    }

    private static async Task<List<string>> TableTypesAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select distinct table_type from information_schema.tables where table_schema = $1 and table_name in ('plans', 'plan_usage_hourly', 'dead_letters')");
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        var types = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            types.Add(reader.GetString(0));
        }

        return types;
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
