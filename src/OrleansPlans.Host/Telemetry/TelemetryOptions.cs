namespace OrleansPlans.Host.Telemetry;

/// <summary>Where traces, metrics and logs go (section <c>Telemetry</c>).</summary>
public sealed class TelemetryOptions
{
    /// <summary>The <c>service.name</c> resource attribute.</summary>
    public string ServiceName { get; set; } = "orleansplans";

    /// <summary>
    /// An OTLP collector (for example <c>http://127.0.0.1:4317</c>). Empty: OTLP export is off unless the standard
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> environment variable is set.
    /// </summary>
    public string OtlpEndpoint { get; set; } = "";

    /// <summary>Serve the metrics in Prometheus' text format at <see cref="PrometheusPath"/>.</summary>
    public bool Prometheus { get; set; } = true;

    /// <summary>The Prometheus scrape path.</summary>
    public string PrometheusPath { get; set; } = "/metrics";
}
