namespace OrleansPlans.Cli.Tests;

/// <summary>What one in-process run of the tool printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>Runs the tool's parser in-process with captured output, given environment variables and an HTTP handler.</summary>
internal sealed class CliRunner
{
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public HttpMessageHandler? HttpHandler { get; init; }

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(TestContext.Current.CancellationToken, args);

    public async Task<CliResult> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        // Synchronized: librdkafka and progress callbacks may write from other threads.
        var environment = new CliEnvironment(
            TextWriter.Synchronized(output), TextWriter.Synchronized(error), name => Environment.GetValueOrDefault(name), IsInteractive: false, HttpHandler);
        var exitCode = await CliApp.RunAsync(args, environment, cancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
