using Npgsql;
using Orleans.Runtime;
using Orleans.Storage;
using OrleansPlans.Persistence.Postgres.Hosting;
using OrleansPlans.Persistence.Postgres.Storage;
using OrleansPlans.Postgres.Migrations;

namespace OrleansPlans.Persistence.Postgres.Tests;

/// <summary>The product's connection default: statements prepared, unless the connection string chooses.</summary>
public sealed class StatementPreparationTests(PostgresServerFixture server)
{
    [Theory]
    [InlineData("Host=127.0.0.1;Username=postgres", StatementPreparation.DefaultMaxAutoPrepare)]
    [InlineData("Host=127.0.0.1;Username=postgres;Max Auto Prepare=0", 0)]
    [InlineData("Host=127.0.0.1;Username=postgres;MaxAutoPrepare=7", 7)]
    [InlineData("Host=127.0.0.1;Username=postgres;max auto prepare=3", 3)]
    public void the_default_applies_only_when_the_connection_string_does_not_choose(string connectionString, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(StatementPreparation.WithDefault(connectionString)).MaxAutoPrepare);

    [Fact]
    public async Task grain_state_writes_run_as_prepared_statements_with_the_default()
    {
        // One connection, so the session that wrote is the one asked what it has prepared.
        var connectionString = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync("prepared")) { MaxPoolSize = 1 }.ConnectionString;
        await using var database = NpgsqlDataSource.Create(StatementPreparation.WithDefault(connectionString));
        await PostgresMigrator.ApplyAsync(database, OrleansPostgresMigrations.Set, cancellationToken: TestContext.Current.CancellationToken);
        await using (var store = new GroupCommitStateStore(database, new GroupCommitStorageOptions { MaxConcurrentRoundTrips = 1 }))
        {
            var storage = new GroupCommitGrainStorage(store, new TextSerializer());
            var state = new GrainState<string>("v");
            for (var i = 0; i < 10; i++)
            {
                state.State = $"v{i}";
                await storage.WriteStateAsync("state", GrainId.Create("text", "a"), state);
            }
        }

        await using var command = database.CreateCommand("select count(*) from pg_prepared_statements where statement like '%grain_state%'");
        Assert.True((long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))! > 0, "the state write was never prepared");
    }

    private sealed class TextSerializer : IGrainStorageSerializer
    {
        public BinaryData Serialize<T>(T? input) => BinaryData.FromString((string)(object)input!);

        public T Deserialize<T>(BinaryData input) => (T)(object)input.ToString();
    }
}
