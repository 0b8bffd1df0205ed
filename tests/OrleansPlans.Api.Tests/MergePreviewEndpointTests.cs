using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrleansPlans.Api.Responses;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Grains;

namespace OrleansPlans.Api.Tests;

/// <summary>POST /merges/preview: what a merge would do, exactly, without doing it.</summary>
[Collection(MergeOperationsCollection.Name)]
public sealed class MergePreviewEndpointTests(ApiCluster cluster)
{
    private readonly StreamMergePublisher _publisher = new(cluster);

    [Fact]
    public async Task the_preview_equals_the_survivors_rows_after_the_merge_is_applied()
    {
        var s = await MergeOpsScenario.SeedAsync(cluster.Client, "pv-exact");
        await using var api = await StartAsync();
        var rowsBefore = await RowsAsync(s.Target);

        var preview = await PreviewAsync(api, s.Source, s.Target);
        var rowsAfterPreview = await RowsAsync(s.Target);
        await (await api.PostMergeAsync(new { requestId = "pv-exact-1", sourcePlanId = s.Source, targetPlanId = s.Target }))
            .ReadAsync<MergeRequestResponse>(HttpStatusCode.Accepted);
        Assert.Equal("applied", (await api.WaitUntilDecidedAsync("pv-exact-1")).Status);
        var rows = await RowsAsync(s.Target);

        Assert.Equal(rowsBefore, rowsAfterPreview);
        Assert.Equal(("would_apply", (string?)null, s.Target), (preview.Verdict, preview.Reason, preview.Survivor));
        Assert.Equal(rows.OfType<PlanMemberRow>().Count(), preview.MemberCount);
        Assert.Equal(
            rows.OfType<PlanMemberRow>().OrderBy(m => m.UserId, StringComparer.Ordinal).Select(m => (m.UserId, UtcInstants(m.MemberSince))),
            preview.Members.Select(m => (m.UserId, m.MemberSince)));
        Assert.Equal(
            rows.OfType<PlanUsageDailyRow>().OrderBy(d => d.Day).Select(d => (d.Day, d.Seconds, d.Events, d.ActiveUsers)),
            preview.DailyUsage.Select(d => (d.Day, d.Seconds, d.Events, d.ActiveUsers)));
        Assert.Equal(
            rows.OfType<PlanContentUsageRow>().OrderByDescending(c => c.Seconds).Select(c => (c.ContentId, c.Seconds, c.Events)),
            preview.ContentUsage.Select(c => (c.ContentId, c.Seconds, c.Events)));

        // What makes it more than a sum: dave was active in both plans that day, and joined the source first.
        Assert.Equal((4L, 1120L, 5L), (preview.MemberCount, preview.DailyUsage.Sum(d => d.Seconds), preview.DailyUsage.Single().Events));
        Assert.Equal(4, preview.DailyUsage.Single().ActiveUsers);
        var dave = Assert.Single(preview.Members, m => m.UserId == s.Dave);
        Assert.Equal((MergeOpsScenario.At(8), s.Target), (dave.MemberSince, dave.FromPlanId));
        Assert.Equal(s.Source, Assert.Single(preview.Members, m => m.UserId == s.Carol).FromPlanId);
    }

    [Fact]
    public async Task a_preview_of_a_refused_or_repeated_merge_says_so_and_changes_nothing()
    {
        var s = await MergeOpsScenario.SeedAsync(cluster.Client, "pv-refused");
        await using var api = await StartAsync();
        await api.PostMergeAsync(new { requestId = "pv-refused-1", sourcePlanId = s.Source, targetPlanId = s.Target });
        await api.WaitUntilDecidedAsync("pv-refused-1");
        var decisions = await cluster.Client.GetGrain<IMergeCoordinatorGrain>(0).GetDecisionCountAsync();

        var cycle = await PreviewAsync(api, s.Target, s.Source);
        var second = await PreviewAsync(api, s.Source, "pv-refused-elsewhere");
        var repeat = await PreviewAsync(api, s.Source, s.Target);

        Assert.Equal(("refused", $"merging '{s.Target}' into '{s.Source}' would make a cycle: '{s.Source}' already resolves to '{s.Target}'", (string?)null, 0L),
            (cycle.Verdict, cycle.Reason, cycle.Survivor, cycle.MemberCount));
        Assert.Empty(cycle.Members);
        Assert.Empty(cycle.DailyUsage);
        Assert.Equal(("refused", $"plan '{s.Source}' is already merged into '{s.Target}'"), (second.Verdict, second.Reason));
        Assert.Equal(("no_op", s.Target, 4L), (repeat.Verdict, repeat.Survivor, repeat.MemberCount));
        Assert.Equal(decisions, await cluster.Client.GetGrain<IMergeCoordinatorGrain>(0).GetDecisionCountAsync());
        Assert.Single(_publisher.Published);
    }

    [Fact]
    public async Task plans_nothing_named_preview_as_empty_not_404()
    {
        await using var api = await StartAsync();

        var preview = await PreviewAsync(api, "pv-ghost-a", "pv-ghost-b");

        Assert.Equal(("would_apply", "pv-ghost-b", 0L), (preview.Verdict, preview.Survivor, preview.MemberCount));
        Assert.Empty(preview.Members);
        Assert.Empty(preview.ContentUsage);
    }

    private static DateTimeOffset UtcInstants(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    private async Task<List<OutputRow>> RowsAsync(string planId) => [.. await cluster.Client.GetGrain<IPlanGrain>(planId).GetRowsAsync()];

    private static async Task<MergePreviewResponse> PreviewAsync(ApiHost api, string source, string target) =>
        await (await api.PostJsonAsync("/api/v1/merges/preview", $$"""{"sourcePlanId":"{{source}}","targetPlanId":"{{target}}"}"""))
            .ReadAsync<MergePreviewResponse>();

    private Task<ApiHost> StartAsync() =>
        cluster.StartApiAsync(OperatorApi.Keys, services: services => services.AddSingleton<Publishing.IMergeEventPublisher>(_publisher));
}
