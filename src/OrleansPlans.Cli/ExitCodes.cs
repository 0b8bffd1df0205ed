namespace OrleansPlans.Cli;

/// <summary>The tool's exit codes.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>The command ran and failed (a system unreachable, an HTTP error, a refused merge, bad input with --stop-on-error).</summary>
    public const int Failure = 1;

    /// <summary>The command line itself was wrong (unknown command or option, missing or invalid value).</summary>
    public const int Usage = 2;
}
