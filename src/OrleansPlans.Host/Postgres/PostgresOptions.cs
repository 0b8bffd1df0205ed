using Embedded = OrleansPlans.Postgres.Embedded;

namespace OrleansPlans.Host.Postgres;

/// <summary>Where state and tables live (section <c>Postgres</c>). Without a connection string a private server is started.</summary>
public sealed class PostgresOptions
{
    /// <summary>A PostgreSQL connection string; empty starts the embedded server. Never logged.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Embedded server: its data folder (kept between runs).</summary>
    public string DataDirectory { get; set; } = ".data/postgres";

    /// <summary>Embedded server: its loopback port, fixed so the printed psql command keeps working.</summary>
    public int Port { get; set; } = 15432;

    /// <summary>Embedded server: the database created for OrleansPlans.</summary>
    public string Database { get; set; } = "orleansplans";

    /// <summary>
    /// Embedded server: the file its connection string is written to while it runs, so that a host joining this dev run
    /// (<c>Dev:Join</c>) and the CLI find it.
    /// </summary>
    public string ConnectionFile { get; set; } = Embedded.ConnectionFile.DefaultPath;

    /// <summary>
    /// <c>Maximum Pool Size</c> of each connection pool when the connection string sets none; null (the default) takes a
    /// quarter of the server's connections, between 10 and 50 (see <see cref="PoolSizing"/>), so several hosts fit on one server.
    /// </summary>
    public int? MaxPoolSize { get; set; }

    /// <summary>The schema of the analytics tables.</summary>
    public string AnalyticsSchema { get; set; } = "analytics";
}
