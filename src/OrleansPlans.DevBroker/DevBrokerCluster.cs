using System.Globalization;
using Confluent.Kafka;
using OrleansPlans.DevBroker.Native;

namespace OrleansPlans.DevBroker;

/// <summary>
/// A Kafka cluster for development and tests, running in this process: librdkafka's mock cluster,
/// which speaks the Kafka protocol on loopback ports to any client (produce, fetch, consumer groups
/// with committed offsets, idempotent producers).
/// </summary>
/// <remarks>
/// <para>What the mock does differently from a real cluster (librdkafka 2.16, as observed in the tests):</para>
/// <list type="bullet">
/// <item>No CreateTopics/DeleteTopics/ListGroups admin requests: create topics with <see cref="CreateTopic"/>.
/// A topic a client uses before it exists is created on the fly with 4 partitions, not
/// <see cref="DevBrokerOptions.DefaultPartitions"/>.</item>
/// <item>Only about 5 MB is kept per partition; older batches are dropped. Prefer many partitions.</item>
/// <item>Sequence numbers are checked only for transactional producers: a batch an idempotent producer
/// retries after losing the acknowledgement is stored twice (see <see cref="SetBrokerRoundTripDelay"/>).
/// Transactional offset commits are not stored and read_committed does not hide aborted records.</item>
/// <item>After a consumer leaves a group, the next join waits for the group's session timeout minus one
/// second before partitions are assigned; consumers that hand over to each other should use a short
/// <c>session.timeout.ms</c> (e.g. 3000 ms with <c>heartbeat.interval.ms</c> 500 ms).</item>
/// <item>A broker taken down keeps its partitions: leadership never moves unless
/// <see cref="SetPartitionLeader"/> says so.</item>
/// </list>
/// <para>Dispose the cluster to stop it; clients still connected then see the brokers disappear.</para>
/// </remarks>
public sealed class DevBrokerCluster : IDisposable, IAsyncDisposable
{
    private const string LoopbackHost = "127.0.0.1";

    private readonly MockClusterHandle cluster;
    private readonly IReadOnlyList<LoopbackPortForwarder> forwarders;
    private int disposed;

    private DevBrokerCluster(
        DevBrokerOptions options,
        MockClusterHandle cluster,
        IReadOnlyList<LoopbackPortForwarder> forwarders,
        string bootstrapServers)
    {
        Options = options;
        this.cluster = cluster;
        this.forwarders = forwarders;
        BootstrapServers = bootstrapServers;
        BrokerIds = Enumerable.Range(1, options.BrokerCount).ToArray();
    }

    /// <summary>The options the cluster was started with.</summary>
    public DevBrokerOptions Options { get; }

    /// <summary>The <c>bootstrap.servers</c> value for clients, e.g. <c>127.0.0.1:9092,127.0.0.1:9093,127.0.0.1:9094</c>.</summary>
    public string BootstrapServers { get; }

    /// <summary>The broker ids, 1 to <see cref="DevBrokerOptions.BrokerCount"/>.</summary>
    public IReadOnlyList<int> BrokerIds { get; }

    /// <summary>The full path of the bootstrap file written at start, or null when none was configured.</summary>
    public string? BootstrapFilePath { get; private set; }

    /// <summary>
    /// Starts a cluster: brokers, optional fixed ports, the topics in <see cref="DevBrokerOptions.Topics"/>
    /// and the bootstrap file.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    /// <exception cref="InvalidOperationException">librdkafka or a fixed port refused.</exception>
    public static DevBrokerCluster Start(DevBrokerOptions? options = null)
    {
        options ??= new DevBrokerOptions();
        options.ThrowIfInvalid();

        var handle = MockClusterHandle.Create(options.BrokerCount);
        var forwarders = new List<LoopbackPortForwarder>();
        try
        {
            LibRdKafka.MockGroupInitialRebalanceDelayMs(
                handle.DangerousGetHandle(), checked((int)options.GroupInitialRebalanceDelay.TotalMilliseconds));

            var bootstrapServers = handle.ReadBootstraps();
            if (options.FixedBasePort is { } basePort)
            {
                bootstrapServers = ForwardFixedPorts(handle, bootstrapServers, basePort, forwarders);
            }

            var started = new DevBrokerCluster(options, handle, forwarders, bootstrapServers);
            started.CreateTopics(options.Topics);
            if (options.BootstrapFile is { } file)
            {
                started.BootstrapFilePath = BootstrapFileWriter.Write(file, bootstrapServers);
                // A host that never disposes the broker (nobody resolved it from the container) still exits: the
                // address must not outlive the process, or the next client would connect to nothing.
                AppDomain.CurrentDomain.ProcessExit += started.OnProcessExit;
            }

            return started;
        }
        catch
        {
            forwarders.ForEach(f => f.Dispose());
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Creates a topic.</summary>
    /// <param name="name">A Kafka topic name.</param>
    /// <param name="partitions">Partition count; default <see cref="DevBrokerOptions.DefaultPartitions"/>.</param>
    /// <param name="replicationFactor">Replicas per partition; default <see cref="DevBrokerOptions.EffectiveReplicationFactor"/>.</param>
    /// <returns>True when created, false when a topic of that name already existed (it is left as it is).</returns>
    public bool CreateTopic(string name, int? partitions = null, int? replicationFactor = null)
    {
        if (!DevBrokerOptions.IsValidTopicName(name))
        {
            throw new ArgumentException($"'{name}' is not a Kafka topic name.", nameof(name));
        }

        var partitionCount = partitions ?? Options.DefaultPartitions;
        ArgumentOutOfRangeException.ThrowIfLessThan(partitionCount, 1, nameof(partitions));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(partitionCount, DevBrokerOptions.MaxPartitions, nameof(partitions));
        var replication = replicationFactor ?? Options.EffectiveReplicationFactor;
        ArgumentOutOfRangeException.ThrowIfLessThan(replication, 1, nameof(replicationFactor));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(replication, Options.BrokerCount, nameof(replicationFactor));

        var error = LibRdKafka.MockTopicCreate(Handle, name, partitionCount, replication);
        if (error == LibRdKafka.ErrTopicAlreadyExists)
        {
            return false;
        }

        ThrowIfFailed(error, $"create topic '{name}' with {partitionCount} partitions");
        return true;
    }

    /// <summary>Creates each topic with <paramref name="partitions"/> partitions (default <see cref="DevBrokerOptions.DefaultPartitions"/>), skipping existing ones.</summary>
    public void CreateTopics(IEnumerable<string> names, int? partitions = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            CreateTopic(name, partitions);
        }
    }

    /// <summary>
    /// Takes a broker down: its connections are closed and new ones refused. Partition leadership does not
    /// move, so partitions it leads are unavailable until <see cref="SetBrokerUp"/>.
    /// </summary>
    public void SetBrokerDown(int brokerId) =>
        ThrowIfFailed(LibRdKafka.MockBrokerSetDown(Handle, CheckBrokerId(brokerId)), $"take broker {brokerId} down");

    /// <summary>Lets a broker taken down by <see cref="SetBrokerDown"/> accept connections again, on the same port.</summary>
    public void SetBrokerUp(int brokerId) =>
        ThrowIfFailed(LibRdKafka.MockBrokerSetUp(Handle, CheckBrokerId(brokerId)), $"bring broker {brokerId} up");

    /// <summary>
    /// Delays every response of one broker by <paramref name="delay"/> (zero removes the delay). The broker
    /// still handles each request on arrival, so a produce that times out on the client has nevertheless been
    /// written: this is how a lost acknowledgement, and the duplicate a plain retry then causes, is reproduced.
    /// </summary>
    public void SetBrokerRoundTripDelay(int brokerId, TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        ThrowIfFailed(
            LibRdKafka.MockBrokerSetRtt(Handle, CheckBrokerId(brokerId), checked((int)delay.TotalMilliseconds)),
            $"delay the responses of broker {brokerId}");
    }

    /// <summary>Makes <paramref name="brokerId"/> the leader of one partition (the mock never elects leaders by itself).</summary>
    public void SetPartitionLeader(string topic, int partition, int brokerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        ThrowIfFailed(
            LibRdKafka.MockPartitionSetLeader(Handle, topic, partition, CheckBrokerId(brokerId)),
            $"make broker {brokerId} the leader of {topic} [{partition}]");
    }

    /// <summary>
    /// Makes the next requests of one kind fail, one error per request, in order, on any broker.
    /// <see cref="ErrorCode.Local_Transport"/> drops the connection after the request was handled, which
    /// loses the response (for a produce: written but not acknowledged).
    /// </summary>
    /// <param name="apiKey">The Kafka protocol ApiKey, e.g. 0 for Produce, 1 for Fetch, 8 for OffsetCommit.</param>
    /// <param name="errors">The errors to return, first to last.</param>
    public unsafe void FailNextRequests(short apiKey, params ReadOnlySpan<ErrorCode> errors)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(apiKey);
        Span<int> codes = errors.Length <= 64 ? stackalloc int[errors.Length] : new int[errors.Length];
        for (var i = 0; i < errors.Length; i++)
        {
            codes[i] = (int)errors[i];
        }

        fixed (int* pointer = codes)
        {
            LibRdKafka.MockPushRequestErrorsArray(Handle, apiKey, (nuint)codes.Length, pointer);
        }
    }

    /// <summary>Removes the bootstrap file, stops the fixed-port relays and destroys the mock cluster.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        // The file goes first so nobody picks up an address that is about to stop answering.
        if (BootstrapFilePath is { } file)
        {
            AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
            BootstrapFileWriter.Delete(file, BootstrapServers);
        }

        foreach (var forwarder in forwarders)
        {
            forwarder.Dispose();
        }

        cluster.Dispose();
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        if (BootstrapFilePath is { } file)
        {
            BootstrapFileWriter.Delete(file, BootstrapServers);
        }
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private nint Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
            return cluster.DangerousGetHandle();
        }
    }

    private static string ForwardFixedPorts(
        MockClusterHandle handle, string mockBootstraps, int basePort, List<LoopbackPortForwarder> forwarders)
    {
        // The mock lists its brokers in id order (1..N), each as host:port.
        var mockPorts = mockBootstraps.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(address => int.Parse(address[(address.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture))
            .ToArray();

        var addresses = new List<string>(mockPorts.Length);
        for (var i = 0; i < mockPorts.Length; i++)
        {
            var brokerId = i + 1;
            var port = basePort + i;
            forwarders.Add(LoopbackPortForwarder.Start(port, mockPorts[i]));

            // Metadata must name the relay, or clients would reconnect to the ephemeral port directly.
            LibRdKafka.MockBrokerSetHostPort(handle.DangerousGetHandle(), brokerId, LoopbackHost, port);
            addresses.Add($"{LoopbackHost}:{port.ToString(CultureInfo.InvariantCulture)}");
        }

        return string.Join(',', addresses);
    }

    private int CheckBrokerId(int brokerId)
    {
        if (brokerId < 1 || brokerId > Options.BrokerCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(brokerId), brokerId, $"Broker ids run from 1 to {Options.BrokerCount}.");
        }

        return brokerId;
    }

    private static void ThrowIfFailed(int error, string action)
    {
        if (error != 0)
        {
            throw new InvalidOperationException(
                $"The dev broker could not {action}: {LibRdKafka.ErrorText(error)} (librdkafka error {error}).");
        }
    }
}
