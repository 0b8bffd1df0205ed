using System.Net;

namespace OrleansPlans.Dashboard.Tests;

public sealed class ReadKeyTests(AnalyticsDatabaseFixture database)
{
    private const string ReadKey = "dashboard-read-key-0123";

    private static readonly Dictionary<string, string?> KeysRequired = new()
    {
        ["Api:ReadKeys:0"] = ReadKey,
        ["Api:RequireAuthForReads"] = "true",
    };

    public static TheoryData<string> Reads =>
    [
        "/api/v1/analytics/plans",
        $"/api/v1/analytics/plans/{Seed.Alpha}/daily",
        $"/api/v1/analytics/plans/{Seed.Alpha}/monthly",
        $"/api/v1/analytics/plans/{Seed.Alpha}/members",
        "/api/v1/analytics/merges",
        "/api/v1/analytics/dead-letters",
        "/api/v1/status",
    ];

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task every_read_is_401_without_a_key_when_reads_need_one_and_200_with_a_read_key(string url)
    {
        await using var host = await DashboardHost.StartAsync(database, KeysRequired, status: new FixedPipelineStatusSource(FixedPipelineStatusSource.Sample));

        var anonymous = await host.GetAsync(url);
        var withKey = await host.GetAsync(url, ReadKey);

        var problem = await ProblemBody.AssertAsync(anonymous, HttpStatusCode.Unauthorized);
        Assert.Equal("This endpoint needs a valid API key in the X-Api-Key header or as an Authorization: Bearer token.", problem.Detail());
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task reads_are_open_by_default_but_a_wrong_key_is_refused(string url)
    {
        await using var host = await DashboardHost.StartAsync(
            database, new Dictionary<string, string?> { ["Api:ReadKeys:0"] = ReadKey }, status: new FixedPipelineStatusSource(FixedPipelineStatusSource.Sample));

        var anonymous = await host.GetAsync(url);
        var wrong = await host.GetAsync(url, "not-the-configured-key");

        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        await ProblemBody.AssertAsync(wrong, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task the_page_itself_needs_no_key_so_it_can_ask_for_one()
    {
        await using var host = await DashboardHost.StartAsync(database, KeysRequired);

        var page = await host.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
