using System.Diagnostics;

namespace OrleansPlans.Host.Tests;

/// <summary>
/// The host (<c>dotnet OrleansPlans.Host.dll</c>, built beside this test) as a child process in a folder of the test's
/// choosing, with its output kept. Disposing stops it with SIGTERM, as Ctrl+C would (so it stops the embedded server it
/// may own), and kills it only if it does not end in time.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private const string ReadyLine = "OrleansPlans silo ready";
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostProcess(Process process) => _process = process;

    public int Id => _process.Id;

    /// <summary>Everything it printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>Starts the host in <paramref name="folder"/> and waits, at most <paramref name="readyTimeout"/>, for its ready line.</summary>
    public static async Task<HostProcess> StartAsync(string folder, IEnumerable<string> arguments, TimeSpan readyTimeout)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OrleansPlans.Host.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("ORLEANSPLANS_KAFKA_BOOTSTRAP"); // the dev run, whatever the test runner's environment says
        var host = new HostProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        host._process.OutputDataReceived += (_, e) => host.OnLine(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.OnLine(e.Data);
        host._process.Exited += (_, _) => host._ready.TrySetException(new InvalidOperationException("the host exited before it was ready"));
        host._process.Start();
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        try
        {
            await host._ready.Task.WaitAsync(readyTimeout, TestContext.Current.CancellationToken);
        }
        catch (Exception error)
        {
            var output = host.Output;
            await host.DisposeAsync();
            throw new InvalidOperationException($"The host did not get ready within {readyTimeout} ({error.Message}). Output:\n{output}", error);
        }

        return host;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await signal.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(StopTimeout);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        if (line.Contains(ReadyLine, StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }
}
