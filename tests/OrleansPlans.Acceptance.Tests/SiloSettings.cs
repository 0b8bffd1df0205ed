using System.Globalization;

namespace OrleansPlans.Acceptance.Tests;

/// <summary>The command-line settings of one silo process; a restart re-uses them (same ports, same cluster).</summary>
internal sealed record SiloSettings(string BootstrapServers, string ConsumerGroupId, string ConnectionString, string ClusterId, int SiloPort, int GatewayPort, int HttpPort, IReadOnlyList<string>? Extra = null)
{
    /// <summary>The ports the process listens on.</summary>
    public IReadOnlyList<int> Ports => [SiloPort, GatewayPort, HttpPort];

    /// <summary>The base address of the process's HTTP API and probes.</summary>
    public Uri HttpBase => new($"http://127.0.0.1:{HttpPort.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>
    /// The host's command line: Kafka input, PostgreSQL state, fixed ports, no demo feed and no sink (the test runs it),
    /// then <see cref="Extra"/> (a later setting wins, e.g. <c>--Sink:Enabled=true</c>).
    /// </summary>
    public IReadOnlyList<string> Arguments() =>
    [
        $"--Kafka:BootstrapServers={BootstrapServers}",
        $"--Kafka:ConsumerGroupId={ConsumerGroupId}",
        $"--Postgres:ConnectionString={ConnectionString}",
        $"--Orleans:SiloPort={SiloPort.ToString(CultureInfo.InvariantCulture)}",
        $"--Orleans:GatewayPort={GatewayPort.ToString(CultureInfo.InvariantCulture)}",
        $"--Orleans:ClusterId={ClusterId}",
        $"--Urls={HttpBase.ToString().TrimEnd('/')}",
        "--Demo:Enabled=false",
        "--Sink:Enabled=false",
        .. Extra ?? [],
    ];
}
