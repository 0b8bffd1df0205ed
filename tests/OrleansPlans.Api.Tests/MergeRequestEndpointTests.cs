using Microsoft.Extensions.DependencyInjection;
using System.Net;
using OrleansPlans.Api.Responses;
using OrleansPlans.Grains;

namespace OrleansPlans.Api.Tests;

/// <summary>
/// POST /merges and GET /merges/requests…: every merge goes through the stream the Kafka input feeds, and its status
/// is the coordinator's decision. One collection: the audit list is shared, and paging needs it to hold still.
/// </summary>
[Collection(MergeOperationsCollection.Name)]
public sealed class MergeRequestEndpointTests(ApiCluster cluster)
{
    private readonly StreamMergePublisher _publisher = new(cluster);

    [Fact]
    public async Task a_first_request_is_published_once_and_applied_and_a_repeat_answers_200_with_the_status()
    {
        var s = await MergeOpsScenario.SeedAsync(cluster.Client, "mr-once");
        await using var api = await StartAsync();
        var body = new { requestId = "mr-once-1", sourcePlanId = s.Source, targetPlanId = s.Target, requestedBy = "ops@example.com" };

        var first = await api.PostMergeAsync(body);
        var accepted = await first.ReadAsync<MergeRequestResponse>(HttpStatusCode.Accepted);
        var decided = await api.WaitUntilDecidedAsync("mr-once-1");
        var repeat = await (await api.PostMergeAsync(body)).ReadAsync<MergeRequestResponse>();

        Assert.Equal("/api/v1/merges/requests/mr-once-1", first.Headers.Location?.OriginalString);
        Assert.Equal(("op:mr-once-1", "ops@example.com"), (accepted.MergeEventId, accepted.RequestedBy));
        // The status is the coordinator's decision when the answer is made: the memory stream and the in-memory storage
        // are quick enough that the merge is sometimes applied by then (202 still says this request published it).
        Assert.Contains(accepted.Status, (string[])["pending", "applied"]);
        Assert.Equal(("applied", s.Target, (string?)null), (decided.Status, decided.Survivor, decided.Reason));
        Assert.NotNull(decided.DecidedAt);
        Assert.Equal(decided, repeat);
        Assert.Equal(1, _publisher.CountOf("op:mr-once-1"));
        var plan = await (await api.GetAsync($"/api/v1/plans/{s.Source}")).ReadAsync<PlanResponse>();
        Assert.Equal(new PlanResponse(s.Source, "merged", s.Target, s.Target, 0), plan);
    }

    [Fact]
    public async Task the_same_request_id_for_other_plans_is_409_and_changes_nothing()
    {
        var s = await MergeOpsScenario.SeedAsync(cluster.Client, "mr-conflict");
        await using var api = await StartAsync();
        await (await api.PostMergeAsync(new { requestId = "mr-conflict-1", sourcePlanId = s.Source, targetPlanId = s.Target }))
            .ReadAsync<MergeRequestResponse>(HttpStatusCode.Accepted);

        var conflict = await api.PostMergeAsync(new { requestId = "mr-conflict-1", sourcePlanId = s.Target, targetPlanId = s.Source });

        var problem = await ProblemBody.AssertAsync(conflict, HttpStatusCode.Conflict);
        Assert.Equal($"Request id 'mr-conflict-1' was already used to merge '{s.Source}' into '{s.Target}'; it cannot now merge "
            + $"'{s.Target}' into '{s.Source}'. Use a new request id.", problem.Detail());
        Assert.Single(_publisher.Published);
        var stored = await api.WaitUntilDecidedAsync("mr-conflict-1");
        Assert.Equal((s.Source, s.Target, "applied"), (stored.SourcePlanId, stored.TargetPlanId, stored.Status));
    }

    [Fact]
    public async Task a_failed_publish_is_503_and_the_same_request_again_publishes_it()
    {
        var s = await MergeOpsScenario.SeedAsync(cluster.Client, "mr-retry");
        await using var api = await StartAsync();
        var body = new { requestId = "mr-retry-1", sourcePlanId = s.Source, targetPlanId = s.Target };
        _publisher.FailNext(1);

        var failed = await api.PostMergeAsync(body);
        var whileFailed = await (await api.GetAsync("/api/v1/merges/requests/mr-retry-1")).ReadAsync<MergeRequestResponse>();
        var retried = await api.PostMergeAsync(body);

        var problem = await ProblemBody.AssertAsync(failed, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("The merge event 'op:mr-retry-1' could not be published: the broker is unreachable (simulated). Nothing was merged; "
            + "send the same request again (same requestId) to retry.", problem.Detail());
        Assert.Equal("pending", whileFailed.Status);
        await retried.ReadAsync<MergeRequestResponse>(HttpStatusCode.Accepted);
        Assert.Equal("applied", (await api.WaitUntilDecidedAsync("mr-retry-1")).Status);
        Assert.Equal(1, _publisher.CountOf("op:mr-retry-1"));
    }

    [Fact]
    public async Task merges_the_coordinator_refuses_show_the_reason()
    {
        var s = await MergeOpsScenario.SeedAsync(cluster.Client, "mr-refused");
        await using var api = await StartAsync();
        await (await api.PostMergeAsync(new { requestId = "mr-refused-1", sourcePlanId = s.Source, targetPlanId = s.Target }))
            .ReadAsync<MergeRequestResponse>(HttpStatusCode.Accepted);
        await api.WaitUntilDecidedAsync("mr-refused-1");

        await api.PostMergeAsync(new { requestId = "mr-refused-cycle", sourcePlanId = s.Target, targetPlanId = s.Source });
        await api.PostMergeAsync(new { requestId = "mr-refused-again", sourcePlanId = s.Source, targetPlanId = "mr-refused-other" });
        var cycle = await api.WaitUntilDecidedAsync("mr-refused-cycle");
        var again = await api.WaitUntilDecidedAsync("mr-refused-again");

        Assert.Equal(("refused", $"merging '{s.Target}' into '{s.Source}' would make a cycle: '{s.Source}' already resolves to '{s.Target}'", (string?)null),
            (cycle.Status, cycle.Reason, cycle.Survivor));
        Assert.Equal(("refused", $"plan '{s.Source}' is already merged into '{s.Target}'"), (again.Status, again.Reason));
        var decision = await cluster.Client.GetGrain<IMergeCoordinatorGrain>(0).GetDecisionAsync("op:mr-refused-cycle");
        Assert.Equal(decision!.Reason, cycle.Reason);
    }

    [Fact]
    public async Task the_audit_fields_record_who_asked_when_and_from_where()
    {
        var s = await MergeOpsScenario.SeedAsync(cluster.Client, "mr-audit");
        await using var api = await StartAsync();
        var before = DateTimeOffset.UtcNow;
        var headers = new Dictionary<string, string> { [ApiHost.RemoteAddressHeader] = "10.1.2.3", ["User-Agent"] = "orleansplans-cli/1.0" };

        var created = await (await api.PostMergeAsync(
                new { requestId = "mr-audit-1", sourcePlanId = s.Source, targetPlanId = s.Target, occurredAt = "2026-03-03T10:00:00+02:00" },
                headers: headers))
            .ReadAsync<MergeRequestResponse>(HttpStatusCode.Accepted);
        var repeat = await (await api.PostMergeAsync(new { requestId = "mr-audit-1", sourcePlanId = s.Source, targetPlanId = s.Target, requestedBy = "someone-else" }))
            .ReadAsync<MergeRequestResponse>();

        Assert.Equal(("operator-key-0", "10.1.2.3", "orleansplans-cli/1.0"), (created.RequestedBy, created.RequestedFrom, created.UserAgent));
        Assert.InRange(created.RequestedAt, before, DateTimeOffset.UtcNow);
        Assert.Equal((created.RequestedBy, created.RequestedAt, created.RequestedFrom), (repeat.RequestedBy, repeat.RequestedAt, repeat.RequestedFrom));
        var (key, value) = Assert.Single(_publisher.Published);
        Assert.Equal(s.Source, key);
        Assert.Equal($$"""{"eventId":"op:mr-audit-1","sourcePlanId":"{{s.Source}}","targetPlanId":"{{s.Target}}","occurredAt":"2026-03-03T08:00:00Z","requestedBy":"operator-key-0"}""",
            System.Text.Encoding.UTF8.GetString(value));
    }

    [Fact]
    public async Task the_audit_list_pages_requests_newest_first()
    {
        var s = await MergeOpsScenario.SeedAsync(cluster.Client, "mr-list");
        await using var api = await StartAsync();
        string[] ids = ["mr-list-a", "mr-list-b", "mr-list-c"];
        foreach (var id in ids)
        {
            // The first is applied; the next two are refused (the source is merged already): all are listed.
            await api.PostMergeAsync(new { requestId = id, sourcePlanId = s.Source, targetPlanId = id == "mr-list-a" ? s.Target : id });
            await api.WaitUntilDecidedAsync(id);
        }

        var page1 = await (await api.GetAsync("/api/v1/merges/requests?page=1&pageSize=2")).ReadAsync<MergeRequestListResponse>();
        var page2 = await (await api.GetAsync("/api/v1/merges/requests?page=2&pageSize=2")).ReadAsync<MergeRequestListResponse>();
        var badPage = await api.GetAsync("/api/v1/merges/requests?page=0");

        Assert.Equal((1, 2), (page1.Page, page1.PageSize));
        Assert.Equal(["mr-list-c", "mr-list-b"], page1.Items.Select(i => i.RequestId));
        Assert.Equal(["refused", "refused"], page1.Items.Select(i => i.Status));
        Assert.Equal("mr-list-a", page2.Items[0].RequestId);
        Assert.Equal("applied", page2.Items[0].Status);
        Assert.Equal(page1.Total, page2.Total);
        Assert.True(page1.Total >= 3, $"total {page1.Total}");
        var problem = await ProblemBody.AssertAsync(badPage, HttpStatusCode.BadRequest);
        Assert.Equal("query parameter 'page' is '0'; it must be a whole number from 1 to 2147483647", problem.Detail());
    }

    [Fact]
    public async Task the_response_fields_are_the_documented_camel_case_names_with_nulls_written()
    {
        await using var api = await StartAsync();
        await api.PostMergeAsync(new { requestId = "mr-shape-1", sourcePlanId = "mr-shape-a", targetPlanId = "mr-shape-b" });
        await api.WaitUntilDecidedAsync("mr-shape-1");

        var text = await (await api.GetAsync("/api/v1/merges/requests/mr-shape-1")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var body = System.Text.Json.JsonDocument.Parse(text).RootElement;
        Assert.Equal(
            ["requestId", "mergeEventId", "sourcePlanId", "targetPlanId", "status", "reason", "survivor", "requestedBy", "requestedAt",
             "requestedFrom", "userAgent", "decidedAt"],
            body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("reason").ValueKind);
    }

    [Fact]
    public async Task an_unknown_request_id_is_404()
    {
        await using var api = await StartAsync();

        var response = await api.GetAsync("/api/v1/merges/requests/mr-never-made");

        var problem = await ProblemBody.AssertAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("No merge request with id 'mr-never-made' has been made.", problem.Detail());
    }

    [Fact]
    public async Task without_a_publisher_a_request_is_503_not_a_crash()
    {
        await using var api = await cluster.StartApiAsync(OperatorApi.Keys);

        var response = await api.PostMergeAsync(new { requestId = "mr-nopub-1", sourcePlanId = "mr-nopub-a", targetPlanId = "mr-nopub-b" });

        var problem = await ProblemBody.AssertAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("no merge event publisher is configured on this host", problem.Detail(), StringComparison.Ordinal);
    }

    private Task<ApiHost> StartAsync() =>
        cluster.StartApiAsync(OperatorApi.Keys, services: services => services.AddSingleton<Publishing.IMergeEventPublisher>(_publisher));
}
