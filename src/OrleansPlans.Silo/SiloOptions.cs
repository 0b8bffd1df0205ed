namespace OrleansPlans.Silo;

/// <summary>The silo's cluster identity and loopback endpoints (section <c>Orleans</c>).</summary>
public sealed class SiloOptions
{
    /// <summary>Silos with the same cluster id form one cluster (membership in PostgreSQL).</summary>
    public string ClusterId { get; set; } = "orleansplans";

    /// <summary>Identifies the service across deployments; part of the grain state keys.</summary>
    public string ServiceId { get; set; } = "orleansplans";

    /// <summary>Silo-to-silo port. Several silos on one machine need different ports.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The address other silos reach this one at. Default loopback (one machine); set it to the host's address
    /// (or a DNS name) in a multi-host deployment, and the silo then listens on all interfaces.
    /// </summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Names this silo in telemetry: its advertised address and silo port.</summary>
    public string InstanceId => $"{AdvertisedAddress}:{SiloPort}";
}
