using System.CommandLine;
using OrleansPlans.Domain.Contract;

namespace OrleansPlans.Cli.Commands;

/// <summary>Options of the merge commands that need checking before anything is sent.</summary>
internal static class MergeOptions
{
    /// <summary>A required plan id option, checked against the contract's identifier rule.</summary>
    public static Option<string> PlanId(string name, string description)
    {
        var option = new Option<string>(name) { Description = description, Required = true, HelpName = "PLAN-ID" };
        option.Validators.AddSafe(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && Identifier.Check(name.TrimStart('-'), value) is { } problem)
            {
                result.AddError($"{name}: {problem}.");
            }
        });
        return option;
    }

    /// <summary>The --wait-timeout option: how long --wait polls.</summary>
    public static Option<TimeSpan> WaitTimeout()
    {
        var option = new Option<TimeSpan>("--wait-timeout")
        {
            Description = "With --wait: how long to poll before giving up (e.g. 00:00:30).",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(30),
            HelpName = "HH:MM:SS",
        };
        option.Validators.AddSafe(result =>
        {
            var value = result.GetValueOrDefault<TimeSpan>();
            if (value <= TimeSpan.Zero || value > TimeSpan.FromHours(1))
            {
                result.AddError($"--wait-timeout must be more than zero and at most 01:00:00 (was {value}).");
            }
        });
        return option;
    }

    /// <summary>Checks a request id against the contract's identifier rule, as the API does (a GUID qualifies).</summary>
    public static void ValidateRequestId(System.CommandLine.Parsing.SymbolResult result, string? value)
    {
        if (value is not null && Identifier.Check("requestId", value) is { } problem)
        {
            result.AddError($"The request id is not accepted: {problem}.");
        }
    }
}
