using System.Diagnostics;

namespace OrleansPlans.Acceptance.Tests;

/// <summary>
/// One OrleansPlans.Host silo as a child process (<c>dotnet OrleansPlans.Host.dll ...</c>). Its stdout/stderr go to a log
/// file and a short in-memory tail for failure messages. Disposing kills the whole process tree if it still runs.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    /// <summary>The line the host prints once the silo has started.</summary>
    public const string ReadyLine = "OrleansPlans silo ready";

    private const int TailLines = 60;
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly StreamWriter _log;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _logClosed;

    private SiloProcess(string name, Process process, string logPath)
    {
        Name = name;
        _process = process;
        LogPath = logPath;
        _log = new StreamWriter(logPath, append: true) { AutoFlush = true };
    }

    /// <summary>The name used in messages and the log file name.</summary>
    public string Name { get; }

    /// <summary>Where the process's whole output is written.</summary>
    public string LogPath { get; }

    /// <summary>Whether the process has ended (killed or crashed).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts the host and waits (at most <paramref name="readyTimeout"/>) for <see cref="ReadyLine"/>.</summary>
    public static async Task<SiloProcess> StartAsync(string name, SiloSettings settings, string logDirectory, TimeSpan readyTimeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory.CreateDirectory(Path.Combine(logDirectory, name + "-cwd")).FullName,
        };
        start.ArgumentList.Add(SiloHostLocation.EntryAssembly());
        foreach (var argument in settings.Arguments())
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var silo = new SiloProcess(name, process, Path.Combine(logDirectory, name + ".log"));
        process.OutputDataReceived += (_, e) => silo.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => silo.OnLine(e.Data);
        process.Exited += (_, _) => silo._ready.TrySetException(new InvalidOperationException($"Silo {name} exited before it was ready."));
        silo.OnLine($"--- starting {name}: dotnet {string.Join(' ', start.ArgumentList)}");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await silo._ready.Task.WaitAsync(readyTimeout, cancellationToken);
        }
        catch (Exception error)
        {
            var tail = silo.Tail();
            await silo.DisposeAsync();
            throw new InvalidOperationException($"Silo {name} did not report '{ReadyLine}' within {readyTimeout} ({error.Message}). Last output:\n{tail}", error);
        }

        return silo;
    }

    /// <summary>The last lines the process wrote (stdout and stderr interleaved).</summary>
    public string Tail()
    {
        lock (_tail)
        {
            return string.Join('\n', _tail);
        }
    }

    /// <summary>Kills the process and all its children at once (no graceful shutdown), and waits until they are gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            OnLine($"--- killing {Name} (pid {_process.Id})");
            _process.Kill(entireProcessTree: true);
        }

        using var timeout = new CancellationTokenSource(ExitTimeout);
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started: nothing to kill.
        }
        finally
        {
            _process.Dispose();
            lock (_tail)
            {
                _logClosed = true;
                _log.Dispose();
            }
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            while (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }

            if (!_logClosed)
            {
                _log.WriteLine(line);
            }
        }

        if (line.Contains(ReadyLine, StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }
}
