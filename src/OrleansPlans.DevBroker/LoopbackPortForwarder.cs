using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace OrleansPlans.DevBroker;

/// <summary>
/// Listens on a fixed loopback port and relays every connection to a mock broker's own port.
/// </summary>
/// <remarks>
/// librdkafka's mock brokers always bind an ephemeral port; <c>rd_kafka_mock_broker_set_host_port</c>
/// only changes the address advertised in Metadata. A fixed, stable address therefore needs a relay:
/// the broker advertises the relay's port and all client traffic flows through it. When the broker is
/// down its own port refuses connections, so the relay closes the client side at once, which clients
/// see exactly like a refused connection.
/// </remarks>
internal sealed class LoopbackPortForwarder : IDisposable
{
    private readonly Socket listener;
    private readonly int targetPort;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<Socket, byte> openSockets = new();

    private LoopbackPortForwarder(Socket listener, int targetPort)
    {
        this.listener = listener;
        this.targetPort = targetPort;
        _ = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Binds <paramref name="listenPort"/> on 127.0.0.1 and starts relaying to <paramref name="targetPort"/>.</summary>
    public static LoopbackPortForwarder Start(int listenPort, int targetPort)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // Lets a restarted dev broker take its port back while old connections sit in TIME_WAIT.
            listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, listenPort));
            listener.Listen(64);
        }
        catch (SocketException ex)
        {
            listener.Dispose();
            throw new InvalidOperationException(
                $"The dev broker cannot listen on 127.0.0.1:{listenPort} ({ex.SocketErrorCode}); " +
                $"choose another {nameof(DevBrokerOptions)}.{nameof(DevBrokerOptions.FixedBasePort)} or stop what uses the port.",
                ex);
        }

        return new LoopbackPortForwarder(listener, targetPort);
    }

    /// <summary>Stops listening and closes every relayed connection.</summary>
    public void Dispose()
    {
        // The accept loop and the relays end on their own once their sockets are gone.
        stopping.Cancel();
        listener.Dispose();
        foreach (var socket in openSockets.Keys)
        {
            socket.Dispose();
        }
    }

    private async Task AcceptLoopAsync()
    {
        var token = stopping.Token;
        while (!token.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            _ = RelayAsync(client, token);
        }
    }

    private async Task RelayAsync(Socket client, CancellationToken token)
    {
        using var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        Track(client);
        Track(upstream);
        try
        {
            client.NoDelay = true;
            upstream.NoDelay = true;
            await upstream.ConnectAsync(new IPEndPoint(IPAddress.Loopback, targetPort), token).ConfigureAwait(false);

            using var clientStream = new NetworkStream(client, ownsSocket: false);
            using var upstreamStream = new NetworkStream(upstream, ownsSocket: false);
            var toBroker = clientStream.CopyToAsync(upstreamStream, token);
            var toClient = upstreamStream.CopyToAsync(clientStream, token);

            // Either side closing ends the pair: Kafka connections have no half-closed use.
            await Task.WhenAny(toBroker, toClient).ConfigureAwait(false);
            ShutdownQuietly(client);
            ShutdownQuietly(upstream);
            await Task.WhenAll(toBroker, toClient).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // A refused or reset connection is how a down broker looks; the client reconnects by itself.
        }
        finally
        {
            Untrack(client);
            Untrack(upstream);
            client.Dispose();
        }
    }

    private static void ShutdownQuietly(Socket socket)
    {
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed by the other side.
        }
    }

    private void Track(Socket socket) => openSockets.TryAdd(socket, 0);

    private void Untrack(Socket socket) => openSockets.TryRemove(socket, out _);
}
