namespace OrleansPlans.Operations.Status;

/// <summary>One row of the Orleans membership table.</summary>
/// <param name="ClusterId">The Orleans cluster id (the table's deployment id).</param>
/// <param name="Address">The silo's IP address and silo port, e.g. <c>127.0.0.1:11111</c>.</param>
/// <param name="Generation">The silo's generation (changes on every start).</param>
/// <param name="SiloName">The silo's name.</param>
/// <param name="HostName">The machine it runs on.</param>
/// <param name="Status">Orleans' silo status: <c>Created</c>, <c>Joining</c>, <c>Active</c>, <c>ShuttingDown</c>, <c>Stopping</c> or <c>Dead</c>.</param>
/// <param name="StartTime">When the silo started (UTC).</param>
/// <param name="IAmAliveTime">When the silo last wrote its I-am-alive time (UTC).</param>
public sealed record SiloInfo(
    string ClusterId,
    string Address,
    int Generation,
    string SiloName,
    string HostName,
    string Status,
    DateTimeOffset StartTime,
    DateTimeOffset IAmAliveTime)
{
    /// <summary>The name of an Orleans <c>SiloStatus</c> value as stored in the membership table.</summary>
    public static string StatusName(int status) => status switch
    {
        0 => "None",
        1 => "Created",
        2 => "Joining",
        3 => "Active",
        4 => "ShuttingDown",
        5 => "Stopping",
        6 => "Dead",
        _ => $"Unknown({status})",
    };
}
