using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace OrleansPlans.Postgres.Embedded;

// The server's life cycle: initdb, settings, pg_ctl start/stop and the wait for connections.
public sealed partial class PrivatePostgresCluster
{
    private async Task InitializeIfNeededAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            return;
        }

        Directory.CreateDirectory(DataDirectory);
        if (Directory.EnumerateFileSystemEntries(DataDirectory).Any())
        {
            throw new InvalidOperationException($"'{DataDirectory}' is neither empty nor a PostgreSQL data directory; refusing to initialize it.");
        }

        await _account.GiveOwnershipAsync(_temporaryRoot ?? DataDirectory, _options.CommandTimeout, cancellationToken).ConfigureAwait(false);
        List<string> arguments = ["-D", DataDirectory, "-U", SuperUser, "--auth=trust", "--encoding=UTF8", "--locale=C"];
        if (_options.DisableDurability)
        {
            arguments.Add("--no-sync");
        }

        await RunServerProgramAsync("initdb", arguments, cancellationToken).ConfigureAwait(false);
        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"), $"\ninclude_if_exists = '{IncludeFileName}'\n", cancellationToken).ConfigureAwait(false);
        WasInitialized = true;
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        // A server left running from this data directory (e.g. a killed dev host) is stopped first so that
        // this instance owns the port it configures.
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            var status = await _account.RunAsync(PgCtl, ["-D", DataDirectory, "status"], DataDirectory, _options.CommandTimeout, cancellationToken).ConfigureAwait(false);
            if (status.ExitCode == 0)
            {
                await PgCtlAsync(["stop", "-m", "fast"], cancellationToken).ConfigureAwait(false);
            }
        }

        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            Port = _options.Port != 0 ? _options.Port : FreeLoopbackPort();
            await WriteSettingsAsync(cancellationToken).ConfigureAwait(false);
            var seconds = ((int)Math.Ceiling(_options.StartTimeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            var result = await _account.RunAsync(PgCtl, ["-D", DataDirectory, "-l", LogFile, "-w", "-t", seconds, "start"], DataDirectory, _options.CommandTimeout + _options.StartTimeout, cancellationToken).ConfigureAwait(false);
            if (result.ExitCode == 0)
            {
                break;
            }

            // A port picked as free can be taken before postgres binds it; another port is tried. Hand-written, not a
            // retry policy: each attempt changes its input (a new port), and nothing is worth waiting for in between.
            if (_options.Port != 0 || attempt == attempts)
            {
                throw new InvalidOperationException($"pg_ctl start failed ({result.ExitCode}): {result.Output}\nServer log:\n{ReadLogTail()}");
            }
        }

        await WaitUntilAcceptingConnectionsAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteSettingsAsync(CancellationToken cancellationToken)
    {
        // The unix socket lives in the data directory (never in a shared /var/run); too long a path disables it.
        // The limit is on the socket file's whole path: the directory, "/.s.PGSQL." and the port.
        var socketPath = Path.Combine(DataDirectory, ".s.PGSQL." + Port.ToString(CultureInfo.InvariantCulture));
        var socketDirectory = socketPath.Length <= MaxUnixSocketPathLength ? DataDirectory : "";
        var durability = _options.DisableDurability
            ? "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
            : "";
        var settings =
            "# Written by PrivatePostgresCluster on every start.\n" +
            "listen_addresses = '127.0.0.1'\n" +
            $"port = {Port.ToString(CultureInfo.InvariantCulture)}\n" +
            $"unix_socket_directories = '{socketDirectory.Replace("'", "''", StringComparison.Ordinal)}'\n" +
            "max_connections = 200\n" +
            durability;
        var path = Path.Combine(DataDirectory, IncludeFileName);
        await File.WriteAllTextAsync(path, settings, cancellationToken).ConfigureAwait(false);
        await _account.GiveOwnershipAsync(path, _options.CommandTimeout, cancellationToken).ConfigureAwait(false);
    }

    private async Task WaitUntilAcceptingConnectionsAsync(CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        using var pause = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(GetConnectionString() + ";Pooling=false;Timeout=5");
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using var command = new NpgsqlCommand("select 1", connection);
                await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException && elapsed.Elapsed < _options.StartTimeout)
            {
                await pause.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task PgCtlAsync(IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        var seconds = ((int)Math.Ceiling(_options.CommandTimeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        List<string> arguments = ["-D", DataDirectory, "-w", "-t", seconds, .. command];
        await RunServerProgramAsync("pg_ctl", arguments, cancellationToken).ConfigureAwait(false);
    }

    private async Task RunServerProgramAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await _account.RunAsync(Path.Combine(_binDirectory, program), arguments, DataDirectory, _options.CommandTimeout, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({result.ExitCode}): {result.Output}{_account.PermissionHint(DataDirectory)}");
        }
    }

    private string PgCtl => Path.Combine(_binDirectory, "pg_ctl");

    private string ReadLogTail()
    {
        try
        {
            return File.Exists(LogFile) ? string.Join('\n', File.ReadLines(LogFile).TakeLast(30)) : "(no log)";
        }
        catch (IOException ex)
        {
            return $"(log unreadable: {ex.Message})";
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
