namespace OrleansPlans.Postgres.Embedded;

/// <summary>
/// Runs the server programs as the current user, or, when this process is root (initdb and postgres refuse to
/// run as root), as an unprivileged account through <c>runuser</c>, owning the folders they write.
/// </summary>
internal sealed class ServerAccount
{
    private readonly string? _runAsUser;

    private ServerAccount(string? runAsUser) => _runAsUser = runAsUser;

    public static ServerAccount ForCurrentProcess(string? configuredUser)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return new ServerAccount(null);
        }

        var user = configuredUser ?? (UserExists("postgres") ? "postgres" : "nobody");
        return new ServerAccount(user);
    }

    /// <summary>Gives the folder (recursively) to the server account; a no-op when not running as root.</summary>
    public async Task GiveOwnershipAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_runAsUser is null)
        {
            return;
        }

        var result = await ProcessRunner.RunAsync("chown", ["-R", _runAsUser, path], null, timeout, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"Could not give '{path}' to user '{_runAsUser}': {result.Output}");
        }
    }

    public Task<ProcessResult> RunAsync(string program, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_runAsUser is null)
        {
            return ProcessRunner.RunAsync(program, arguments, workingDirectory, timeout, cancellationToken);
        }

        List<string> wrapped = ["-u", _runAsUser, "--", program, .. arguments];
        return ProcessRunner.RunAsync("runuser", wrapped, workingDirectory, timeout, cancellationToken);
    }

    /// <summary>Explains the usual cause of "Permission denied" when the server runs as another account.</summary>
    public string PermissionHint(string dataDirectory) => _runAsUser is null
        ? ""
        : $"\nThe server runs as user '{_runAsUser}' because this process is root: every parent folder of '{dataDirectory}' must be searchable (o+x) by that user.";

    private static bool UserExists(string name) =>
        File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(line => line.StartsWith(name + ":", StringComparison.Ordinal));
}
