using System.Globalization;

namespace OrleansPlans.Benchmarks.Pipeline;

/// <summary>
/// CPU time of the private PostgreSQL server (postmaster, its live children, and children it already reaped), read
/// from <c>/proc</c>: the sink's cost is split between this process and the server, and a write strategy that moves
/// work into the server must not look cheaper only because the server's share is not counted.
/// </summary>
public static class PostgresCpu
{
    /// <summary>The server's CPU time so far; zero where <c>/proc</c> is not available (the figures then say "not counted").</summary>
    /// <param name="dataDirectory">The cluster's data directory (its <c>postmaster.pid</c> names the server).</param>
    public static TimeSpan Read(string dataDirectory)
    {
        try
        {
            var postmaster = int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
            var ticks = 0L;
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(directory), out var pid) || Stat(pid) is not { } stat)
                {
                    continue;
                }

                if (pid == postmaster)
                {
                    // utime + stime + cutime + cstime: the server and every backend it has reaped.
                    ticks += stat[11] + stat[12] + stat[13] + stat[14];
                }
                else if (stat[1] == postmaster)
                {
                    ticks += stat[11] + stat[12];
                }
            }

            return TimeSpan.FromSeconds(ticks / ProcStat.TicksPerSecond);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            return TimeSpan.Zero;
        }
    }

    private static long[]? Stat(int pid)
    {
        if (!ProcStat.TryRead($"/proc/{pid}/stat", out _, out var fields))
        {
            return null;
        }

        var values = new long[15];
        for (var i = 1; i < values.Length; i++)
        {
            values[i] = long.Parse(fields[i], CultureInfo.InvariantCulture);
        }

        return values;
    }
}
