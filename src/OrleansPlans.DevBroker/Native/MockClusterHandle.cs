using System.Runtime.InteropServices;
using System.Text;

namespace OrleansPlans.DevBroker.Native;

/// <summary>
/// Owns a mock cluster together with the <c>rd_kafka_t</c> it was created on, and releases both in
/// the only safe order: the cluster first (librdkafka asserts that no mock cluster is left on a
/// handle it destroys), then the handle.
/// </summary>
internal sealed class MockClusterHandle : SafeHandle
{
    private nint client;

    private MockClusterHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    /// <summary>Creates a bare producer handle (it never connects anywhere) and a mock cluster on it.</summary>
    public static MockClusterHandle Create(int brokerCount)
    {
        var client = CreateClient();
        var cluster = LibRdKafka.MockClusterNew(client, brokerCount);
        if (cluster == 0)
        {
            LibRdKafka.KafkaDestroy(client);
            throw new InvalidOperationException(
                $"librdkafka could not create a mock cluster with {brokerCount} brokers (see its log on stderr).");
        }

        var result = new MockClusterHandle { client = client };
        result.SetHandle(cluster);
        return result;
    }

    /// <summary>The comma-separated listener addresses the mock chose, broker 1 first.</summary>
    public string ReadBootstraps()
    {
        var added = false;
        try
        {
            DangerousAddRef(ref added);
            return Marshal.PtrToStringUTF8(LibRdKafka.MockClusterBootstraps(handle))
                ?? throw new InvalidOperationException("librdkafka returned no bootstrap list for the mock cluster.");
        }
        finally
        {
            if (added)
            {
                DangerousRelease();
            }
        }
    }

    protected override bool ReleaseHandle()
    {
        LibRdKafka.MockClusterDestroy(handle);
        LibRdKafka.KafkaDestroy(client);
        client = 0;
        return true;
    }

    private static unsafe nint CreateClient()
    {
        const int errorSize = 512;
        var error = stackalloc byte[errorSize];
        var conf = LibRdKafka.ConfNew();

        // The handle only hosts the mock cluster; keep its own chatter to real problems.
        if (LibRdKafka.ConfSet(conf, "log_level", "3", error, errorSize) != LibRdKafka.ConfOk)
        {
            LibRdKafka.ConfDestroy(conf);
            throw new InvalidOperationException($"librdkafka rejected log_level: {ReadError(error)}");
        }

        var client = LibRdKafka.KafkaNew(LibRdKafka.ProducerType, conf, error, errorSize);
        if (client == 0)
        {
            // rd_kafka_new takes ownership of the configuration only when it succeeds.
            LibRdKafka.ConfDestroy(conf);
            throw new InvalidOperationException($"librdkafka could not create the handle hosting the mock cluster: {ReadError(error)}");
        }

        return client;
    }

    private static unsafe string ReadError(byte* error) =>
        Encoding.UTF8.GetString(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(error));
}
