using System.Globalization;
using OrleansPlans.Cli.Http;
using OrleansPlans.Cli.Terminal;

namespace OrleansPlans.Cli.Commands;

/// <summary>Prints merge requests and previews.</summary>
internal static class MergePrinter
{
    /// <summary>The most rows of each preview list printed.</summary>
    public const int PreviewRows = 20;

    public static async Task PrintRequestAsync(TextWriter output, MergeRequestResponse request)
    {
        await output.WriteLineAsync($"request     {request.RequestId}").ConfigureAwait(false);
        await output.WriteLineAsync($"merge       {request.SourcePlanId} -> {request.TargetPlanId}").ConfigureAwait(false);
        await output.WriteLineAsync($"status      {request.Status}").ConfigureAwait(false);
        await WriteIfAsync(output, "reason", request.Reason).ConfigureAwait(false);
        await WriteIfAsync(output, "survivor", request.Survivor).ConfigureAwait(false);
        await WriteIfAsync(output, "event id", request.MergeEventId).ConfigureAwait(false);
        await WriteIfAsync(output, "requested", Join(request.RequestedAt, request.RequestedBy is null ? null : $"by {request.RequestedBy}")).ConfigureAwait(false);
        await WriteIfAsync(output, "decided", request.DecidedAt).ConfigureAwait(false);
    }

    public static async Task PrintPreviewAsync(TextWriter output, bool interactive, string source, string target, MergePreviewResponse preview)
    {
        await output.WriteLineAsync($"preview     {source} -> {target}").ConfigureAwait(false);
        await output.WriteLineAsync($"verdict     {preview.Verdict}").ConfigureAwait(false);
        await WriteIfAsync(output, "reason", preview.Reason).ConfigureAwait(false);
        await WriteIfAsync(output, "survivor", preview.Survivor).ConfigureAwait(false);
        await WriteIfAsync(output, "members", preview.MemberCount?.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);

        var members = preview.Members ?? [];
        if (members.Count > 0)
        {
            await output.WriteLineAsync().ConfigureAwait(false);
            await TextTable.WriteAsync(output, interactive, ["user", "member since", "from plan"],
                members.Take(PreviewRows).Select(m => new[] { m.UserId ?? "", m.MemberSince ?? "", m.FromPlanId ?? "" })).ConfigureAwait(false);
            await MoreAsync(output, members.Count, "members").ConfigureAwait(false);
        }

        var days = preview.DailyUsage ?? [];
        if (days.Count > 0)
        {
            await output.WriteLineAsync().ConfigureAwait(false);
            await TextTable.WriteAsync(output, interactive, ["day", "seconds", "events", "active users"],
                days.Take(PreviewRows).Select(d => new[] { d.Day ?? "", Number(d.Seconds), Number(d.Events), Number(d.ActiveUsers) })).ConfigureAwait(false);
            await MoreAsync(output, days.Count, "days").ConfigureAwait(false);
        }

        var content = preview.ContentUsage ?? [];
        if (content.Count > 0)
        {
            await output.WriteLineAsync().ConfigureAwait(false);
            await TextTable.WriteAsync(output, interactive, ["content", "seconds", "events"],
                content.Take(PreviewRows).Select(c => new[] { c.ContentId ?? "", Number(c.Seconds), Number(c.Events) })).ConfigureAwait(false);
            await MoreAsync(output, content.Count, "content items").ConfigureAwait(false);
        }
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string? Join(string? first, string? second) =>
        first is null ? second : second is null ? first : $"{first} {second}";

    private static Task WriteIfAsync(TextWriter output, string label, string? value) =>
        string.IsNullOrEmpty(value) ? Task.CompletedTask : output.WriteLineAsync($"{label,-11} {value}");

    private static Task MoreAsync(TextWriter output, int count, string what) =>
        count > PreviewRows ? output.WriteLineAsync($"... and {count - PreviewRows} more {what}") : Task.CompletedTask;
}
