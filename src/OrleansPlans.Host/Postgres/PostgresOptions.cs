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

    /// <summary>The schema of the analytics tables.</summary>
    public string AnalyticsSchema { get; set; } = "analytics";
}
