namespace OrleansPlans.Operations.Status;

/// <summary>Whether a system answered.</summary>
/// <param name="Reachable">True when it answered.</param>
/// <param name="Error">Why not, when it did not (never contains credentials: only the client's error message).</param>
public sealed record Reachability(bool Reachable, string? Error)
{
    /// <summary>Answered.</summary>
    public static Reachability Ok { get; } = new(true, null);

    /// <summary>Did not answer, because of <paramref name="error"/>.</summary>
    public static Reachability Failed(string error) => new(false, error);
}
