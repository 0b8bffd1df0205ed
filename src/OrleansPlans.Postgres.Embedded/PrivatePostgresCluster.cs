using System.Net;
using System.Text.RegularExpressions;
using Npgsql;

namespace OrleansPlans.Postgres.Embedded;

/// <summary>
/// A private PostgreSQL server for tests and local development: initdb into a temporary (or given) folder,
/// started with pg_ctl on 127.0.0.1 only, trust authentication, superuser "postgres".
/// Disposing stops it (<c>pg_ctl stop -m fast</c>) and deletes a temporary folder.
/// </summary>
/// <example>
/// <code>
/// await using var cluster = await PrivatePostgresCluster.StartAsync();
/// var connectionString = await cluster.CreateDatabaseAsync("my_tests");
/// </code>
/// </example>
public sealed partial class PrivatePostgresCluster : IAsyncDisposable
{
    /// <summary>The superuser created by initdb; trust authentication means no password.</summary>
    public const string SuperUser = "postgres";

    private const string IncludeFileName = "private_cluster.conf";
    private const int MaxUnixSocketPathLength = 107; // sun_path: 108 bytes with the terminating NUL

    private readonly PrivatePostgresClusterOptions _options;
    private readonly ServerAccount _account;
    private readonly string _binDirectory;
    private readonly string? _temporaryRoot;
    private int _stopped;

    private PrivatePostgresCluster(PrivatePostgresClusterOptions options, ServerAccount account, string binDirectory, string dataDirectory, string? temporaryRoot)
    {
        _options = options;
        _account = account;
        _binDirectory = binDirectory;
        DataDirectory = dataDirectory;
        _temporaryRoot = temporaryRoot;
    }

    /// <summary>The cluster's data directory (PGDATA).</summary>
    public string DataDirectory { get; }

    /// <summary>The loopback TCP port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>The server's log file (stderr of postgres).</summary>
    public string LogFile => Path.Combine(DataDirectory, "pg_ctl.log");

    /// <summary>True once the data directory was created by this instance (false when an initialized one was re-used).</summary>
    public bool WasInitialized { get; private set; }

    /// <summary>
    /// Initializes the data directory if needed (or re-uses an initialized one), starts the server and waits,
    /// bounded by <see cref="PrivatePostgresClusterOptions.StartTimeout"/>, until it answers <c>select 1</c>.
    /// </summary>
    public static async Task<PrivatePostgresCluster> StartAsync(PrivatePostgresClusterOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PrivatePostgresClusterOptions();
        options.Validate();
        var binDirectory = PostgresBinaries.Locate(options.BinDirectory);
        var account = ServerAccount.ForCurrentProcess(options.RunAsUser);

        string? temporaryRoot = null;
        string dataDirectory;
        if (options.DataDirectory is null)
        {
            temporaryRoot = Directory.CreateTempSubdirectory("orleansplans-pg-").FullName;
            dataDirectory = Path.Combine(temporaryRoot, "data");
        }
        else
        {
            dataDirectory = Path.GetFullPath(options.DataDirectory);
        }

        var cluster = new PrivatePostgresCluster(options, account, binDirectory, dataDirectory, temporaryRoot);
        try
        {
            await cluster.InitializeIfNeededAsync(cancellationToken).ConfigureAwait(false);
            await cluster.StartServerAsync(cancellationToken).ConfigureAwait(false);
            AppDomain.CurrentDomain.ProcessExit += cluster.OnProcessExit;
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A connection string for <paramref name="database"/> as the superuser over loopback TCP.</summary>
    public string GetConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder
        {
            Host = IPAddress.Loopback.ToString(),
            Port = Port,
            Username = SuperUser,
            Database = database,
            IncludeErrorDetail = true,
        }.ConnectionString;

    /// <summary>Creates <paramref name="database"/> unless it exists and returns its connection string.</summary>
    /// <param name="database">Lower-case letters, digits and underscores, starting with a letter.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async Task<string> CreateDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        if (!DatabaseName().IsMatch(database))
        {
            throw new ArgumentException($"Database name '{database}' must be 1-63 lower-case letters, digits or underscores, starting with a letter.", nameof(database));
        }

        await using var connection = new NpgsqlConnection(GetConnectionString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection) { Parameters = { new() { Value = database } } };
        if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            // The name was validated above; CREATE DATABASE takes no parameters.
            await using var create = new NpgsqlCommand($"create database \"{database}\"", connection);
            try
            {
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
                // Created concurrently by another caller: that is the outcome we wanted.
            }
        }

        return GetConnectionString(database);
    }

    /// <summary>Stops the server (<c>pg_ctl stop -m fast</c>); the data directory stays.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            await PgCtlAsync(["stop", "-m", "fast"], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the server and deletes the data directory when it was a temporary one.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync().ConfigureAwait(false);
        }
        finally
        {
            if (_temporaryRoot is not null && Directory.Exists(_temporaryRoot))
            {
                Directory.Delete(_temporaryRoot, recursive: true);
            }
        }
    }

    // Last resort when a test run ends without disposing: leave no server running behind.
    private void OnProcessExit(object? sender, EventArgs e) =>
        StopAsync().GetAwaiter().GetResult();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}
