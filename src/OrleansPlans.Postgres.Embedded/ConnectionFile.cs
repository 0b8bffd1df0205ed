namespace OrleansPlans.Postgres.Embedded;

/// <summary>
/// The file through which other processes on this machine find the embedded server of a running dev job: the host that
/// started it writes the connection string there, and a second host joining the run (<c>Dev:Join</c>) and the
/// <c>orleansplans</c> CLI read it. It holds no secret: the embedded server trusts loopback connections.
/// </summary>
public static class ConnectionFile
{
    /// <summary>Where the main job writes it, relative to the current directory (beside <c>.data/dev-broker/bootstrap.txt</c>).</summary>
    public const string DefaultPath = ".data/dev-postgres/connection.txt";

    /// <summary>Writes <paramref name="connectionString"/> and a newline, replacing the file in one step.</summary>
    /// <returns>The full path written.</returns>
    public static string Write(string path, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);

        // Write aside and move into place so a reader never sees half a connection string.
        var temporary = $"{fullPath}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, connectionString + Environment.NewLine);
        File.Move(temporary, fullPath, overwrite: true);
        return fullPath;
    }

    /// <summary>The connection string in <paramref name="path"/>, or null when there is no such file (no dev job runs).</summary>
    public static string? Read(string path = DefaultPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            var text = File.ReadAllText(path).Trim();
            return text.Length == 0 ? null : text;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Deletes the file if it still holds <paramref name="connectionString"/> (a newer run may have replaced it).</summary>
    public static void Delete(string fullPath, string connectionString)
    {
        try
        {
            if (File.Exists(fullPath) && File.ReadAllText(fullPath).Trim() == connectionString)
            {
                File.Delete(fullPath);
            }
        }
        catch (IOException)
        {
            // Best effort on shutdown: a stale file only names a server that no longer answers.
        }
    }
}
