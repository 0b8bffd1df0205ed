using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OrleansPlans.Testing;

/// <summary>
/// Loopback ports for servers a test starts: other processes on the machine run silos and brokers too, so never a
/// fixed port. A port from <see cref="Free"/> also serves as a closed one: nothing listens there once it returns.
/// </summary>
public static class LoopbackPorts
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>A port that was free a moment ago (the OS picked it).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The first of <paramref name="count"/> ports in a row that are free now (the dev broker listens on base, base + 1, …).</summary>
    public static int FreeConsecutive(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var probes = new List<TcpListener>();
            try
            {
                var first = Listen(0, probes);
                if (first + count - 1 <= IPEndPoint.MaxPort && Enumerable.Range(first + 1, count - 1).All(port => TryListen(port, probes)))
                {
                    return first;
                }
            }
            finally
            {
                probes.ForEach(probe => probe.Dispose());
            }
        }

        throw new InvalidOperationException($"Found no {count} consecutive free loopback ports.");
    }

    /// <summary>Polls until every port can be bound again (a killed process's), or throws after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilFreeAsync(IReadOnlyCollection<int> ports, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var retry = new PeriodicTimer(RetryInterval);
        while (!ports.All(IsFree))
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Ports {string.Join(", ", ports.Where(p => !IsFree(p)))} were still in use after {timeout}.");
            }

            await retry.WaitForNextTickAsync(cancellationToken);
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static bool TryListen(int port, List<TcpListener> probes)
    {
        try
        {
            Listen(port, probes);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int Listen(int port, List<TcpListener> probes)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        probes.Add(listener);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
