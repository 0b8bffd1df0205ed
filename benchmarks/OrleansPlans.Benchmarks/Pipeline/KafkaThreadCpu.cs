using System.Globalization;

namespace OrleansPlans.Benchmarks.Pipeline;

/// <summary>
/// CPU time of this process's librdkafka threads, read from <c>/proc/self/task</c>: the dev broker (librdkafka's mock
/// cluster, thread <c>rdk:mock</c>) runs inside the measured process, and a profile of a paced run put it at a quarter
/// of the machine. Its share is reported apart, so a figure says how much of "CPU here" a real cluster would take off.
/// </summary>
public static class KafkaThreadCpu
{
    /// <summary>CPU so far of the mock cluster's threads and of every other librdkafka thread (the clients'); zero without <c>/proc</c>.</summary>
    public static (TimeSpan DevBroker, TimeSpan Clients) Read()
    {
        long broker = 0, clients = 0;
        try
        {
            foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
            {
                // A thread that ended meanwhile is skipped.
                if (!ProcStat.TryRead(Path.Combine(task, "stat"), out var name, out var fields) || !name.StartsWith("rdk:", StringComparison.Ordinal))
                {
                    continue;
                }

                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                if (name.StartsWith("rdk:mock", StringComparison.Ordinal))
                {
                    broker += ticks;
                }
                else
                {
                    clients += ticks;
                }
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return default;
        }

        return (TimeSpan.FromSeconds(broker / ProcStat.TicksPerSecond), TimeSpan.FromSeconds(clients / ProcStat.TicksPerSecond));
    }
}
