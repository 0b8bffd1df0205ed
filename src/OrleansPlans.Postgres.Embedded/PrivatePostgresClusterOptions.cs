namespace OrleansPlans.Postgres.Embedded;

/// <summary>Settings for <see cref="PrivatePostgresCluster"/>.</summary>
public sealed class PrivatePostgresClusterOptions
{
    /// <summary>
    /// The cluster's data directory (PGDATA). When <see langword="null"/> (the default) a temporary folder is
    /// created and deleted on dispose; when set, the folder is kept, initialized on first use and re-used later.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>The loopback TCP port; 0 (the default) picks a free one on every start.</summary>
    public int Port { get; set; }

    /// <summary>How long to wait for the server to accept connections after start. Default 60 seconds.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long any single initdb/pg_ctl invocation may take. Default 120 seconds.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Turns off fsync, synchronous commit and full-page writes: much faster, but a crash of the machine can lose
    /// data. Default <see langword="true"/> (tests); set <see langword="false"/> for persistent dev data you care about.
    /// </summary>
    public bool DisableDurability { get; set; } = true;

    /// <summary>
    /// The folder holding initdb, pg_ctl and postgres. When <see langword="null"/> (the default) it is found from
    /// the PG_BIN_DIR environment variable, <c>pg_config --bindir</c>, /usr/lib/postgresql/*/bin or PATH.
    /// </summary>
    public string? BinDirectory { get; set; }

    /// <summary>
    /// The operating-system user that runs initdb and postgres when this process runs as root (they refuse to run
    /// as root). Default: "postgres" when that user exists, otherwise "nobody".
    /// </summary>
    public string? RunAsUser { get; set; }

    internal void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, $"{nameof(PrivatePostgresClusterOptions)}.{nameof(Port)} must be 0 (pick a free port) or a TCP port up to 65535.");
        }

        if (StartTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(StartTimeout), StartTimeout, $"{nameof(PrivatePostgresClusterOptions)}.{nameof(StartTimeout)} must be positive.");
        }

        if (CommandTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(CommandTimeout), CommandTimeout, $"{nameof(PrivatePostgresClusterOptions)}.{nameof(CommandTimeout)} must be positive.");
        }
    }
}
