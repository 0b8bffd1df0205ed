namespace OrleansPlans.Benchmarks.Pipeline;

/// <summary>Reads a Linux <c>/proc/.../stat</c> line: the command name, and the fields after it.</summary>
internal static class ProcStat
{
    /// <summary>USER_HZ: 100 on every Linux the benchmark runs on (the kernel's ABI, independent of CONFIG_HZ).</summary>
    public const double TicksPerSecond = 100;

    /// <summary>
    /// The name and the fields after it ([0] state, [1] ppid, ... [11] utime, [12] stime, [13] cutime, [14] cstime), or
    /// false when the process or thread is gone or unreadable. The name may hold spaces and parentheses: it ends at the last ')'.
    /// </summary>
    public static bool TryRead(string path, out string name, out string[] fields)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            (name, fields) = ("", []);
            return false;
        }

        var end = text.LastIndexOf(')');
        name = text[(text.IndexOf('(') + 1)..end];
        fields = text[(end + 2)..].Split(' ');
        return true;
    }
}
