using System.CommandLine;
using OrleansPlans.Cli.Http;

namespace OrleansPlans.Cli.Commands;

/// <summary><c>orleansplans merge</c>: asks the host to merge one plan into another, or previews it.</summary>
internal static class MergeCommand
{
    private static readonly TimeSpan HttpTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public static Command Create(CliEnvironment environment)
    {
        var source = MergeOptions.PlanId("--source", "The plan that ceases to exist (its usage and members move to the target).");
        var target = MergeOptions.PlanId("--target", "The plan that survives.");
        var requestId = new Option<string?>("--request-id")
        {
            Description = "Idempotency key (1 to 128 of A-Z a-z 0-9 . _ : @ -): the same id again returns the first request's status. Default: a new GUID.",
            HelpName = "ID",
        };
        requestId.Validators.AddSafe(r => MergeOptions.ValidateRequestId(r, r.GetValueOrDefault<string?>()));
        var requestedBy = new Option<string?>("--requested-by") { Description = "Who asks for the merge (recorded with it; the API may default it to the key's name).", HelpName = "WHO" };
        var preview = new Option<bool>("--preview") { Description = "Print what the merge would do (verdict, survivor, members, usage) instead of merging." };
        var wait = new Option<bool>("--wait") { Description = "Poll until the merge is decided (applied, no_op or refused), up to --wait-timeout." };
        var waitTimeout = MergeOptions.WaitTimeout();
        var api = CommonOptions.Api();
        var apiKey = CommonOptions.ApiKey();

        var command = new Command("merge", "Merge plan --source into plan --target through the host's HTTP API (exit 1 if refused or on an HTTP error).")
        {
            source, target, requestId, requestedBy, preview, wait, waitTimeout, api, apiKey,
        };
        command.Validators.AddSafe(result =>
        {
            if (result.GetValue(preview) && (result.GetValue(wait) || result.GetValue(requestId) is not null))
            {
                result.AddError("--preview cannot be combined with --wait or --request-id (a preview changes nothing).");
            }
        });

        command.SetAction(async (parsed, cancellationToken) =>
        {
            var key = CommonOptions.ResolveApiKey(parsed, apiKey, environment);
            using var http = MergeApiClient.CreateHttpClient(CommonOptions.ResolveApi(parsed, api, environment), key, environment.HttpHandler, HttpTimeout);
            var client = new MergeApiClient(http);
            var (from, to) = (parsed.GetRequiredValue(source), parsed.GetRequiredValue(target));

            if (parsed.GetValue(preview))
            {
                var previewed = await client.PreviewAsync(new MergePreviewBody(from, to), cancellationToken);
                if (!previewed.IsSuccess)
                {
                    return await ApiErrorPrinter.PrintAsync(environment.Error, previewed, key is not null);
                }

                await MergePrinter.PrintPreviewAsync(environment.Out, environment.IsInteractive, from, to, previewed.Value!);
                return ExitCodes.Ok;
            }

            var id = parsed.GetValue(requestId) ?? Guid.NewGuid().ToString();
            var submitted = await client.SubmitAsync(new MergeRequestBody(id, from, to, parsed.GetValue(requestedBy)), cancellationToken);
            if (!submitted.IsSuccess)
            {
                return await ApiErrorPrinter.PrintAsync(environment.Error, submitted, key is not null, id);
            }

            await environment.Out.WriteLineAsync(submitted.Status == System.Net.HttpStatusCode.Accepted
                ? "Merge request accepted."
                : "Merge request already known (same request id); its status:");
            var request = submitted.Value!;
            if (parsed.GetValue(wait) && request.Status == MergeRequestResponse.Pending)
            {
                var waited = await WaitUntilDecidedAsync(client, environment, id, parsed.GetValue(waitTimeout), cancellationToken);
                if (!waited.IsSuccess)
                {
                    return await ApiErrorPrinter.PrintAsync(environment.Error, waited, key is not null);
                }

                request = waited.Value!;
            }

            await MergePrinter.PrintRequestAsync(environment.Out, request);
            return await OutcomeAsync(environment, request, parsed.GetValue(wait), parsed.GetValue(waitTimeout));
        });
        return command;
    }

    /// <summary>Polls the request until it is no longer pending or <paramref name="timeout"/> passed (returns the last answer).</summary>
    private static async Task<ApiResult<MergeRequestResponse>> WaitUntilDecidedAsync(
        MergeApiClient client, CliEnvironment environment, string requestId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await environment.Out.WriteLineAsync($"Waiting up to {timeout} for the merge to be decided...");
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await Task.Delay(PollInterval, cancellationToken);
            var current = await client.GetRequestAsync(requestId, cancellationToken);
            if (!current.IsSuccess || current.Value!.Status != MergeRequestResponse.Pending || DateTime.UtcNow >= deadline)
            {
                return current;
            }
        }
    }

    private static async Task<int> OutcomeAsync(CliEnvironment environment, MergeRequestResponse request, bool waited, TimeSpan timeout)
    {
        if (request.Status == MergeRequestResponse.Refused)
        {
            await environment.Error.WriteLineAsync($"error: the merge was refused: {request.Reason ?? "no reason given"}");
            return ExitCodes.Failure;
        }

        if (waited && request.Status == MergeRequestResponse.Pending)
        {
            await environment.Error.WriteLineAsync(
                $"error: the merge is still pending after {timeout}; check later with: orleansplans merge-status {request.RequestId}");
            return ExitCodes.Failure;
        }

        return ExitCodes.Ok;
    }
}
