namespace OrleansPlans.Cli;

/// <summary>What the commands see of the outside world; tests replace every part.</summary>
/// <param name="Out">Where results go.</param>
/// <param name="Error">Where errors, hints and warnings go.</param>
/// <param name="GetEnvironmentVariable">Reads an environment variable (defaults of --bootstrap, --connection, --api, --api-key).</param>
/// <param name="IsInteractive">True when <paramref name="Out"/> is a terminal: Spectre.Console draws tables and live progress bars; otherwise plain lines.</param>
/// <param name="HttpHandler">The HTTP handler the API client sends through; null uses a plain <see cref="HttpClientHandler"/>.</param>
/// <param name="HandleTermination">Whether Ctrl+C / SIGTERM cancel the running command (the real process only).</param>
public sealed record CliEnvironment(
    TextWriter Out,
    TextWriter Error,
    Func<string, string?> GetEnvironmentVariable,
    bool IsInteractive,
    HttpMessageHandler? HttpHandler = null,
    bool HandleTermination = false)
{
    /// <summary>The process console, its environment variables and a real HTTP handler.</summary>
    public static CliEnvironment FromConsole() =>
        new(Console.Out, Console.Error, Environment.GetEnvironmentVariable, !Console.IsOutputRedirected, HandleTermination: true);
}
