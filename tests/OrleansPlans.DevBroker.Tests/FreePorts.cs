using System.Net;
using System.Net.Sockets;

namespace OrleansPlans.DevBroker.Tests;

/// <summary>Finds runs of free loopback ports for the fixed-port tests.</summary>
internal static class FreePorts
{
    public static int FindConsecutive(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var probes = new List<Socket>();
            try
            {
                var first = Bind(0, probes);
                var basePort = ((IPEndPoint)first.LocalEndPoint!).Port;
                if (basePort + count - 1 > 65535)
                {
                    continue;
                }

                var allFree = Enumerable.Range(basePort + 1, count - 1).All(p => TryBind(p, probes));
                if (allFree)
                {
                    return basePort;
                }
            }
            finally
            {
                probes.ForEach(p => p.Dispose());
            }
        }

        throw new InvalidOperationException($"Found no {count} consecutive free loopback ports.");
    }

    private static bool TryBind(int port, List<Socket> probes)
    {
        try
        {
            Bind(port, probes);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static Socket Bind(int port, List<Socket> probes)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probes.Add(socket);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        return socket;
    }
}
