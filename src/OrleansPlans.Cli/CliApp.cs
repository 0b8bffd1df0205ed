using System.CommandLine;
using OrleansPlans.Cli.Commands;

namespace OrleansPlans.Cli;

/// <summary>Builds the <c>orleansplans</c> command tree and runs it.</summary>
public static class CliApp
{
    /// <summary>The root command with every sub-command, bound to <paramref name="environment"/>.</summary>
    public static RootCommand BuildRootCommand(CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var root = new RootCommand("orleansplans: operate an OrleansPlans pipeline (merges, replay, produce, dev broker, migrations, status, reprocessing).");
        root.Subcommands.Add(MergeCommand.Create(environment));
        root.Subcommands.Add(MergeStatusCommand.Create(environment));
        root.Subcommands.Add(ReplayCommand.Create(environment));
        root.Subcommands.Add(ProduceCommand.Create(environment));
        root.Subcommands.Add(DevBrokerCommand.Create(environment));
        root.Subcommands.Add(MigrateCommand.Create(environment));
        root.Subcommands.Add(StatusCommand.Create(environment));
        root.Subcommands.Add(Commands.Reprocess.ReprocessCommand.Create(environment));
        return root;
    }

    /// <summary>
    /// Parses <paramref name="args"/> and runs the command. Usage errors are printed with a pointer to <c>--help</c> and
    /// give <see cref="ExitCodes.Usage"/>; an unexpected exception is printed as one line and gives <see cref="ExitCodes.Failure"/>.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var root = BuildRootCommand(environment);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await environment.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            }

            var command = string.Join(' ', parsed.CommandResult.Command == root ? ["orleansplans"] : ["orleansplans", parsed.CommandResult.Command.Name]);
            await environment.Error.WriteLineAsync($"Run '{command} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration
        {
            Output = environment.Out,
            Error = environment.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = environment.HandleTermination ? TimeSpan.FromSeconds(10) : null,
        };
        try
        {
            return await parsed.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await environment.Error.WriteLineAsync("Cancelled.").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (CliFailure failure)
        {
            await environment.Error.WriteLineAsync($"error: {failure.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (Exception error)
        {
            await environment.Error.WriteLineAsync($"error: {error.GetType().Name}: {error.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }
}
