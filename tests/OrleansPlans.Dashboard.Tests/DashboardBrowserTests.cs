using Microsoft.Playwright;
using OrleansPlans.Operations.Status;
using static Microsoft.Playwright.Assertions;

namespace OrleansPlans.Dashboard.Tests;

/// <summary>
/// The page in headless Chromium against the dashboard on a real Kestrel loopback port over the seeded database: what an
/// operator sees. The screenshot is kept at <c>artifacts/dashboard/dashboard.png</c> (repository root).
/// </summary>
public sealed class DashboardBrowserTests(AnalyticsDatabaseFixture database, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string ReadKey = "dashboard-browser-key-0123";

    [Fact]
    public async Task the_page_shows_health_plans_a_plans_usage_chart_and_members_and_the_merge_history()
    {
        var browser = chromium.Require();
        var stuck = new FixedStuckPartitions([new StuckPartition("content-usage", 5, 508, DateTimeOffset.UnixEpoch, 3, "Broker: Message size too large")]);
        await using var host = await DashboardHost.StartAsync(
            database, kestrel: true, status: new FixedPipelineStatusSource(FixedPipelineStatusSource.Sample), stuck: stuck);
        await using var context = await NewContextAsync(browser);
        var page = await context.NewPageAsync();
        var errors = CollectErrors(page);

        await page.GotoAsync(host.Address.ToString());

        // Pipeline health, from the status source.
        await Expect(page.GetByTestId("health-kafka")).ToHaveTextAsync("reachable");
        await Expect(page.GetByTestId("health-postgres")).ToHaveTextAsync("reachable");
        await Expect(page.GetByTestId("health-silos")).ToHaveTextAsync("2 active of 3");
        await Expect(page.GetByTestId("health-input-lag")).ToHaveTextAsync("42 in 3 partitions");
        await Expect(page.GetByTestId("health-sink-lag")).ToHaveTextAsync("7 in 1 partition");
        await Expect(page.GetByTestId("health-dead-letters")).ToHaveTextAsync("2");
        await Expect(page.GetByTestId("health-stuck")).ToHaveTextAsync("content-usage[5] at offset 508: Broker: Message size too large");
        await Expect(page.GetByTestId("health-warnings")).ToHaveTextAsync("Topic plan-merges has no partitions yet.");

        // The plans list: every seeded plan, alpha with its 30-day usage (12,600 s = 3.5 h in 7 events).
        var alpha = PlanRow(page, Seed.Alpha);
        await Expect(alpha.Locator("td")).ToHaveTextAsync(["plan-alpha", "active", "3", "3.5", "7"]);
        await Expect(page.GetByTestId("plan-row")).ToHaveCountAsync(4 + Seed.BulkPlans);
        await Expect(page.GetByTestId("plans-page")).ToHaveTextAsync("Page 1 of 1 (16 plans)");

        // A plan: status, one bar per day of the last 30, the seeded days' seconds, and the members.
        await alpha.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByTestId("plan-title")).ToHaveTextAsync("Plan plan-alpha");
        await Expect(page.GetByTestId("plan-status-value")).ToHaveTextAsync("active");
        var bars = page.GetByTestId("usage-bar");
        await Expect(bars).ToHaveCountAsync(30);
        Assert.Equal(("2026-03-02", "2026-03-31"), (await bars.First.GetAttributeAsync("data-day"), await bars.Last.GetAttributeAsync("data-day")));
        var used = await page.Locator("[data-testid=usage-bar]:not([data-seconds='0'])")
            .EvaluateAllAsync<string[]>("bars => bars.map(b => `${b.dataset.day}=${b.dataset.seconds}:${b.getAttribute('height')}`)");
        Assert.Equal(["2026-03-02", "2026-03-15", "2026-03-31"], used.Select(u => u[..10]));
        Assert.Equal(["3600", "7200", "1800"], used.Select(u => u[11..u.IndexOf(':', StringComparison.Ordinal)]));
        var heights = used.Select(u => double.Parse(u[(u.IndexOf(':', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.True(heights[1] > heights[0] && heights[0] > heights[2], $"bar heights must follow the seconds: {string.Join(", ", heights)}");
        await Expect(page.GetByTestId("usage-total")).ToHaveTextAsync("3.5 hours in 7 events from 2026-03-02 to 2026-03-31.");
        var members = page.GetByTestId("member-row");
        await Expect(members).ToHaveCountAsync(3);
        await Expect(members.First.Locator("td")).ToHaveTextAsync(["user-a", "2026-02-01 09:30:00"]);
        await Expect(members.Nth(1).Locator("td")).ToHaveTextAsync(["user-b", "2026-03-02 10:00:00"]);

        // Monthly active users of the last 12 months, with their share of the 3 members now (4 active in March: one left).
        var months = page.GetByTestId("monthly-row");
        await Expect(months).ToHaveCountAsync(2);
        await Expect(months.First.Locator("td")).ToHaveTextAsync(["2026-02", "1", "33.3%", "0.1"]);
        await Expect(months.Last.Locator("td")).ToHaveTextAsync(["2026-03", "4", "133.3%", "3.8"]);

        // The merge history: both merged plans resolve to alpha.
        var merges = page.GetByTestId("merge-row");
        await Expect(merges).ToHaveCountAsync(2);
        await Expect(merges.First.Locator("td")).ToHaveTextAsync([Seed.Beta, Seed.Alpha]);
        await Expect(merges.Last.Locator("td")).ToHaveTextAsync([Seed.Delta, Seed.Alpha]);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("dashboard.png"), FullPage = true });

        // A merged plan, reached from the merge history, says so and links to its survivor.
        await merges.Last.GetByRole(AriaRole.Link, new() { Name = Seed.Delta }).ClickAsync();
        await Expect(page.GetByTestId("plan-title")).ToHaveTextAsync($"Plan {Seed.Delta}");
        await Expect(page.GetByTestId("plan-status-value")).ToHaveTextAsync("merged");
        await Expect(page.GetByTestId("plan-status").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"#plan={Seed.Alpha}");
        await Expect(page.GetByTestId("member-row")).ToHaveCountAsync(3);

        // A plan idle in the last 30 days shows the 30 days up to its latest usage, and says so.
        await PlanRow(page, Seed.IdlePlan).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByTestId("chart-caption")).ToContainTextAsync("the 30 days up to 2026-01-15, its latest usage; none in the last 30 days");
        await Expect(bars).ToHaveCountAsync(30);
        await Expect(bars.Last).ToHaveAttributeAsync("data-day", "2026-01-15");
        await Expect(bars.Last).ToHaveAttributeAsync("data-seconds", "900");

        // Search narrows the list, ignoring case.
        await page.GetByLabel("Plan id contains").FillAsync("GAMM");
        await Expect(page.GetByTestId("plan-row")).ToHaveCountAsync(1);
        await Expect(PlanRow(page, Seed.Gamma)).ToBeVisibleAsync();

        Assert.Empty(errors); // script errors and Content-Security-Policy violations land here
    }

    [Fact]
    public async Task when_reads_need_a_key_the_page_asks_for_one_and_keeps_it_for_the_tab()
    {
        var browser = chromium.Require();
        var settings = new Dictionary<string, string?> { ["Api:ReadKeys:0"] = ReadKey, ["Api:RequireAuthForReads"] = "true" };
        await using var host = await DashboardHost.StartAsync(database, settings, kestrel: true, status: new FixedPipelineStatusSource(FixedPipelineStatusSource.Sample));
        await using var context = await NewContextAsync(browser);
        var page = await context.NewPageAsync();

        await page.GotoAsync(host.Address + "dashboard");
        await Expect(page.GetByTestId("key-form")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("plans-table")).ToBeHiddenAsync();

        await page.GetByLabel("Read or operator key").FillAsync("wrong-key-but-long-enough");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use key" }).ClickAsync();
        await Expect(page.GetByTestId("key-error")).ToHaveTextAsync("The key was refused. Check it and try again.");

        await page.GetByLabel("Read or operator key").FillAsync(ReadKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Use key" }).ClickAsync();
        await Expect(PlanRow(page, Seed.Alpha)).ToBeVisibleAsync();
        await Expect(page.GetByTestId("health-silos")).ToHaveTextAsync("2 active of 3");
        await Expect(page.GetByTestId("health-stuck")).ToHaveTextAsync("none");
        Assert.Equal(ReadKey, await page.EvaluateAsync<string>("() => sessionStorage.getItem('orleansplans.apiKey')"));

        await page.ReloadAsync(); // the key survives a reload of the tab
        await Expect(PlanRow(page, Seed.Alpha)).ToBeVisibleAsync();
        await Expect(page.GetByTestId("key-form")).ToBeHiddenAsync();
    }

    private static ILocator PlanRow(IPage page, string planId) => page.Locator($"[data-testid=plan-row][data-plan-id='{planId}']");

    private static async Task<IBrowserContext> NewContextAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    private static List<string> CollectErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }

    private static string ScreenshotPath(string fileName)
    {
        var folder = Path.Combine(RepositoryRoot.Find(), "artifacts", "dashboard");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, fileName);
    }
}
