using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.TestingHost;

namespace OrleansPlans.Persistence.Postgres.Tests;

[Collection(OrleansOnPostgresCollection.Name)]
public sealed class ClusteringOnPostgresTests(OrleansOnPostgresFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private TestCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task membership_rows_show_both_silos_active_and_the_table_version_moves()
    {
        var active = await Eventually.ValueAsync(ActiveSiloCountAsync, count => count == 2, Deadline, "two active silos in orleans_membership");

        Assert.Equal(2, active);
        var table = await fixture.SiloServices.GetRequiredService<IMembershipTable>().ReadAllAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, table.Members.Count(m => m.Item1.Status == SiloStatus.Active));
        Assert.True(table.Version.Version >= 2, $"table version {table.Version.Version} should count at least the two joins");
    }

    [Fact]
    public async Task cleanup_of_defunct_silos_deletes_only_dead_rows_older_than_the_cutoff()
    {
        var now = TimeProvider.System.GetUtcNow();
        await InsertDeadSiloAsync("127.0.0.2", now.AddDays(-2));
        await InsertDeadSiloAsync("127.0.0.3", now.AddMinutes(-1));

        await fixture.SiloServices.GetRequiredService<IMembershipTable>().CleanupDefunctSiloEntriesAsync(now.AddDays(-1), TestContext.Current.CancellationToken);

        Assert.Equal(["127.0.0.3"], await DeadAddressesAsync());
        Assert.Equal(2, await ActiveSiloCountAsync());
    }

    [Fact]
    public async Task silos_apply_the_orleans_set_and_a_contributed_set_at_start_up()
    {
        await using var command = fixture.Database.CreateCommand("select set_key, max(version) from schema_migrations group by set_key order by set_key");
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var sets = new List<(string, int)>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            sets.Add((reader.GetString(0), reader.GetInt32(1)));
        }

        Assert.Equal([("orleans", 5), (TestMigrationSet.Key, 2)], sets);
    }

    private async Task<int> ActiveSiloCountAsync()
    {
        await using var command = fixture.Database.CreateCommand("select count(*)::int from orleans_membership where deployment_id = $1 and status = 3");
        command.Parameters.Add(new NpgsqlParameter { Value = Cluster.Options.ClusterId });
        return (int)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private async Task InsertDeadSiloAsync(string address, DateTimeOffset lastAlive)
    {
        await using var command = fixture.Database.CreateCommand("""
            insert into orleans_membership (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
            values ($1, $2, 11111, 1, 'ghost', 'ghost', 6, 0, $3, $3)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = Cluster.Options.ClusterId });
        command.Parameters.Add(new NpgsqlParameter { Value = address });
        command.Parameters.Add(new NpgsqlParameter { Value = lastAlive });
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private async Task<List<string>> DeadAddressesAsync()
    {
        await using var command = fixture.Database.CreateCommand("select address from orleans_membership where deployment_id = $1 and silo_name = 'ghost' order by address");
        command.Parameters.Add(new NpgsqlParameter { Value = Cluster.Options.ClusterId });
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var addresses = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            addresses.Add(reader.GetString(0));
        }

        return addresses;
    }
}
