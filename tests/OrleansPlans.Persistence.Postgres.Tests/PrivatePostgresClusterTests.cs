using Npgsql;
using OrleansPlans.Postgres.Embedded;

namespace OrleansPlans.Persistence.Postgres.Tests;

public sealed class PrivatePostgresClusterTests
{
    [Fact]
    public async Task a_temporary_cluster_answers_select_1_and_leaves_no_folder_or_server_behind()
    {
        var ct = TestContext.Current.CancellationToken;
        var cluster = await PrivatePostgresCluster.StartAsync(cancellationToken: ct);
        var dataDirectory = cluster.DataDirectory;
        var connectionString = cluster.GetConnectionString();

        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            Assert.Equal(1, await ScalarAsync<int>(dataSource, "select 1", ct));
            Assert.Equal("127.0.0.1", await ScalarAsync<string>(dataSource, "select current_setting('listen_addresses')", ct));
        }

        await cluster.DisposeAsync();

        Assert.False(Directory.Exists(dataDirectory));
        await using var afterStop = new NpgsqlConnection(connectionString + ";Pooling=false;Timeout=3");
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => afterStop.OpenAsync(ct));
    }

    [Fact]
    public async Task a_given_data_folder_is_initialized_once_and_keeps_its_data_across_restarts()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = Directory.CreateTempSubdirectory("orleansplans-pg-reuse-").FullName;

        // When the tests run as root the server runs as another user, who must be able to reach the folder.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        var options = new PrivatePostgresClusterOptions { DataDirectory = Path.Combine(root, "postgres") };
        try
        {
            await using (var first = await PrivatePostgresCluster.StartAsync(options, ct))
            {
                Assert.True(first.WasInitialized);
                await using var dataSource = NpgsqlDataSource.Create(await first.CreateDatabaseAsync("kept", ct));
                await ScalarAsync<int>(dataSource, "create table marker (id int); insert into marker values (42); select 1", ct);
            }

            await using (var second = await PrivatePostgresCluster.StartAsync(options, ct))
            {
                Assert.False(second.WasInitialized);
                await using var dataSource = NpgsqlDataSource.Create(second.GetConnectionString("kept"));
                Assert.Equal(42, await ScalarAsync<int>(dataSource, "select id from marker", ct));
            }

            Assert.True(File.Exists(Path.Combine(options.DataDirectory, "PG_VERSION")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }
}
