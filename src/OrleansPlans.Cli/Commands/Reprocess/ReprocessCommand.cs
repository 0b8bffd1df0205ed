using System.CommandLine;

namespace OrleansPlans.Cli.Commands.Reprocess;

/// <summary>
/// <c>orleansplans reprocess start|status|switch|drop VERSION</c>: computes a new version of the state and tables from the
/// earliest retained input beside the serving version, and switches analysts to it in one transaction (README, "Reprocessing").
/// </summary>
internal static class ReprocessCommand
{
    public static Command Create(CliEnvironment environment) => new("reprocess", "Reprocess the retained input into a new version beside the serving one, follow it, switch to it, drop the old one.")
    {
        ReprocessStartCommand.Create(environment),
        ReprocessStatusCommand.Create(environment),
        ReprocessSwitchCommand.Create(environment),
        ReprocessDropCommand.Create(environment),
    };
}
