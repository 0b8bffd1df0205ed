namespace OrleansPlans.Cli;

/// <summary>A failure the operator should read as one sentence (no stack trace): the command exits with <see cref="ExitCodes.Failure"/>.</summary>
public sealed class CliFailure : Exception
{
    /// <summary>Creates a failure with the sentence to print.</summary>
    public CliFailure(string message)
        : base(message)
    {
    }

    /// <summary>Creates a failure with the sentence to print and its cause.</summary>
    public CliFailure(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates a failure without a message (required by the exception pattern).</summary>
    public CliFailure()
    {
    }
}
