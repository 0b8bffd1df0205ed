using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OrleansPlans.Acceptance.Tests;

/// <summary>Free loopback ports for the silo processes, and waiting for a killed process's ports to be released.</summary>
internal static class LoopbackPorts
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>A port that was free a moment ago (the OS picked it).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls until every port can be bound again, or throws after <paramref name="timeout"/>.</summary>
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
}
