using System.Runtime.InteropServices;

namespace OrleansPlans.DevBroker.Native;

/// <summary>
/// The slice of librdkafka's C API the dev broker needs: creating a bare client handle
/// and driving the mock cluster (<c>rdkafka_mock.h</c>). The library is the one shipped
/// in the librdkafka.redist package that Confluent.Kafka itself loads.
/// </summary>
/// <remarks>
/// The mock API is marked experimental by librdkafka (no ABI promise), so every signature
/// here is pinned to the librdkafka version that Confluent.Kafka 2.16 bundles.
/// </remarks>
internal static partial class LibRdKafka
{
    public const string LibraryName = "librdkafka";

    /// <summary><c>RD_KAFKA_PRODUCER</c> in <c>rd_kafka_type_t</c>.</summary>
    public const int ProducerType = 0;

    /// <summary><c>RD_KAFKA_CONF_OK</c> in <c>rd_kafka_conf_res_t</c>.</summary>
    public const int ConfOk = 0;

    /// <summary><c>RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS</c>.</summary>
    public const int ErrTopicAlreadyExists = 36;

    static LibRdKafka() => LibRdKafkaResolver.Register();

    // rd_kafka_conf_t *rd_kafka_conf_new(void);
    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_conf_new")]
    public static partial nint ConfNew();

    // rd_kafka_conf_res_t rd_kafka_conf_set(rd_kafka_conf_t *conf, const char *name,
    //     const char *value, char *errstr, size_t errstr_size);
    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_conf_set", StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int ConfSet(nint conf, string name, string value, byte* errstr, nuint errstrSize);

    // void rd_kafka_conf_destroy(rd_kafka_conf_t *conf);
    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_conf_destroy")]
    public static partial void ConfDestroy(nint conf);

    // rd_kafka_t *rd_kafka_new(rd_kafka_type_t type, rd_kafka_conf_t *conf,
    //     char *errstr, size_t errstr_size);  -- takes ownership of conf on success only.
    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_new")]
    public static unsafe partial nint KafkaNew(int type, nint conf, byte* errstr, nuint errstrSize);

    // void rd_kafka_destroy(rd_kafka_t *rk);
    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_destroy")]
    public static partial void KafkaDestroy(nint rk);

    // const char *rd_kafka_err2str(rd_kafka_resp_err_t err);
    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_err2str")]
    public static partial nint Err2Str(int err);

    // rd_kafka_mock_cluster_t *rd_kafka_mock_cluster_new(rd_kafka_t *rk, int broker_cnt);
    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_mock_cluster_new")]
    public static partial nint MockClusterNew(nint rk, int brokerCount);

    // void rd_kafka_mock_cluster_destroy(rd_kafka_mock_cluster_t *mcluster);
    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_mock_cluster_destroy")]
    public static partial void MockClusterDestroy(nint cluster);

    // const char *rd_kafka_mock_cluster_bootstraps(const rd_kafka_mock_cluster_t *mcluster);
    // The string is owned by the cluster; it is copied before the cluster can go away.
    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_mock_cluster_bootstraps")]
    public static partial nint MockClusterBootstraps(nint cluster);

    // rd_kafka_resp_err_t rd_kafka_mock_topic_create(rd_kafka_mock_cluster_t *mcluster,
    //     const char *topic, int partition_cnt, int replication_factor);
    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_mock_topic_create", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int MockTopicCreate(nint cluster, string topic, int partitionCount, int replicationFactor);

    // rd_kafka_resp_err_t rd_kafka_mock_partition_set_leader(rd_kafka_mock_cluster_t *mcluster,
    //     const char *topic, int32_t partition, int32_t broker_id);
    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_mock_partition_set_leader", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int MockPartitionSetLeader(nint cluster, string topic, int partition, int brokerId);

    // rd_kafka_resp_err_t rd_kafka_mock_broker_set_down(rd_kafka_mock_cluster_t *mcluster, int32_t broker_id);
    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_mock_broker_set_down")]
    public static partial int MockBrokerSetDown(nint cluster, int brokerId);

    // rd_kafka_resp_err_t rd_kafka_mock_broker_set_up(rd_kafka_mock_cluster_t *mcluster, int32_t broker_id);
    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_mock_broker_set_up")]
    public static partial int MockBrokerSetUp(nint cluster, int brokerId);

    // rd_kafka_resp_err_t rd_kafka_mock_broker_set_rtt(rd_kafka_mock_cluster_t *mcluster,
    //     int32_t broker_id, int rtt_ms);
    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_mock_broker_set_rtt")]
    public static partial int MockBrokerSetRtt(nint cluster, int brokerId, int rttMs);

    // void rd_kafka_mock_broker_set_host_port(rd_kafka_mock_cluster_t *mcluster,
    //     int32_t broker_id, const char *host, int port);
    // Changes only what Metadata responses advertise; the mock keeps listening where it is.
    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_mock_broker_set_host_port", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void MockBrokerSetHostPort(nint cluster, int brokerId, string host, int port);

    // void rd_kafka_mock_group_initial_rebalance_delay_ms(rd_kafka_mock_cluster_t *mcluster, int32_t delay_ms);
    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_mock_group_initial_rebalance_delay_ms")]
    public static partial void MockGroupInitialRebalanceDelayMs(nint cluster, int delayMs);

    // void rd_kafka_mock_push_request_errors_array(rd_kafka_mock_cluster_t *mcluster,
    //     int16_t ApiKey, size_t cnt, const rd_kafka_resp_err_t *errors);
    // (The array form is used because the va-arg form cannot be called portably from .NET.)
    [LibraryImport(LibraryName, EntryPoint = "rd_kafka_mock_push_request_errors_array")]
    public static unsafe partial void MockPushRequestErrorsArray(nint cluster, short apiKey, nuint count, int* errors);

    /// <summary>librdkafka's text for an error code.</summary>
    public static string ErrorText(int error) => Marshal.PtrToStringUTF8(Err2Str(error)) ?? $"error {error}";
}
