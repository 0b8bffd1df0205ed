namespace OrleansPlans.DevBroker;

/// <summary>Writes and removes the file through which other processes find a running dev broker.</summary>
internal static class BootstrapFileWriter
{
    /// <summary>Writes <paramref name="bootstrapServers"/> and a newline, replacing the file in one step.</summary>
    /// <returns>The full path written.</returns>
    public static string Write(string path, string bootstrapServers)
    {
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);

        // Write aside and move into place so a reader never sees a half-written address.
        var temporary = $"{fullPath}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, bootstrapServers + Environment.NewLine);
        File.Move(temporary, fullPath, overwrite: true);
        return fullPath;
    }

    /// <summary>Deletes the file if it still names <paramref name="bootstrapServers"/>.</summary>
    /// <remarks>A newer dev broker may have replaced the file since; its address must survive our exit.</remarks>
    public static void Delete(string fullPath, string bootstrapServers)
    {
        try
        {
            if (File.Exists(fullPath) && File.ReadAllText(fullPath).Trim() == bootstrapServers)
            {
                File.Delete(fullPath);
            }
        }
        catch (IOException)
        {
            // Best effort on shutdown: a stale file only names an address that no longer answers.
        }
    }
}
