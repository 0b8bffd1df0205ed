using System.CommandLine;
using OrleansPlans.Cli.Http;

namespace OrleansPlans.Cli.Commands;

/// <summary><c>orleansplans merge-status REQUEST_ID</c>: prints a merge request's status.</summary>
internal static class MergeStatusCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var requestId = new Argument<string>("REQUEST_ID") { Description = "The request id printed by 'orleansplans merge' (or given with --request-id)." };
        requestId.Validators.AddSafe(r => MergeOptions.ValidateRequestId(r, r.GetValueOrDefault<string>()));
        var api = CommonOptions.Api();
        var apiKey = CommonOptions.ApiKey();
        var command = new Command("merge-status", "Print the status of a merge request (pending, applied, no_op or refused).")
        {
            requestId, api, apiKey,
        };

        command.SetAction(async (parsed, cancellationToken) =>
        {
            var key = CommonOptions.ResolveApiKey(parsed, apiKey, environment);
            using var http = MergeApiClient.CreateHttpClient(CommonOptions.ResolveApi(parsed, api, environment), key, environment.HttpHandler, TimeSpan.FromSeconds(30));
            var result = await new MergeApiClient(http).GetRequestAsync(parsed.GetRequiredValue(requestId), cancellationToken);
            if (!result.IsSuccess)
            {
                return await ApiErrorPrinter.PrintAsync(environment.Error, result, key is not null);
            }

            await MergePrinter.PrintRequestAsync(environment.Out, result.Value!);
            return ExitCodes.Ok;
        });
        return command;
    }
}
