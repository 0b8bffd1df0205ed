using System.Globalization;

namespace OrleansPlans.Postgres.Embedded;

/// <summary>Finds the PostgreSQL server programs (initdb, pg_ctl, postgres) on this machine.</summary>
public static class PostgresBinaries
{
    /// <summary>The environment variable that, when set, names the folder holding initdb and pg_ctl.</summary>
    public const string BinDirectoryVariable = "PG_BIN_DIR";

    /// <summary>
    /// Returns the folder holding initdb and pg_ctl: <paramref name="configured"/> when given, else $PG_BIN_DIR,
    /// else <c>pg_config --bindir</c>, else the newest /usr/lib/postgresql/N/bin, else the folder on PATH.
    /// </summary>
    /// <exception cref="InvalidOperationException">No server programs were found; the message says how to install them.</exception>
    public static string Locate(string? configured = null)
    {
        foreach (var candidate in Candidates(configured))
        {
            if (!string.IsNullOrWhiteSpace(candidate) && HasServerPrograms(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        throw new InvalidOperationException(
            "PostgreSQL server programs (initdb, pg_ctl) were not found. Install them (Debian/Ubuntu: " +
            "'apt-get install -y postgresql') or set " + BinDirectoryVariable + " to the folder that holds them.");
    }

    private static IEnumerable<string?> Candidates(string? configured)
    {
        yield return configured;
        yield return Environment.GetEnvironmentVariable(BinDirectoryVariable);
        yield return PgConfigBinDir();
        foreach (var versioned in DebianVersionedBinDirs())
        {
            yield return versioned;
        }

        foreach (var onPath in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            yield return onPath;
        }
    }

    private static bool HasServerPrograms(string folder) =>
        File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl"));

    // Debian installs the server per major version; the newest one wins.
    private static IEnumerable<string> DebianVersionedBinDirs()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.GetDirectories(root)
            .Select(dir => (dir, version: int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1))
            .Where(x => x.version > 0)
            .OrderByDescending(x => x.version)
            .Select(x => Path.Combine(x.dir, "bin"));
    }

    // pg_config may belong to the client package only (libpq-dev); its bindir is a candidate, checked like the others.
    private static string? PgConfigBinDir()
    {
        try
        {
            var result = ProcessRunner.RunAsync("pg_config", ["--bindir"], workingDirectory: null, TimeSpan.FromSeconds(10), CancellationToken.None)
                .GetAwaiter().GetResult();
            return result.ExitCode == 0 ? result.Output.Trim() : null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or TimeoutException)
        {
            return null;
        }
    }
}
