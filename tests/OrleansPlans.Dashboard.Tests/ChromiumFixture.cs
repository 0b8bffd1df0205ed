using Microsoft.Playwright;

namespace OrleansPlans.Dashboard.Tests;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, or <c>$ORLEANSPLANS_CHROMIUM</c>) driven by Playwright's bundled driver:
/// no browser download, so it works offline. One browser for the browser tests; each test opens its own context.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    /// <summary>The browser, or null when Chromium is not installed (see <see cref="MissingReason"/>).</summary>
    public IBrowser? Browser { get; private set; }

    /// <summary>Why there is no browser.</summary>
    public string MissingReason { get; private set; } = "";

    /// <summary>The running browser, or skips the test saying how to install Chromium.</summary>
    public IBrowser Require()
    {
        Assert.SkipWhen(Browser is null, MissingReason);
        return Browser!;
    }

    /// <inheritdoc/>
    public async ValueTask InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("ORLEANSPLANS_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            MissingReason = $"Chromium is not installed at {executable}: run scripts/prerequisites.sh (apt-get install -y chromium), "
                + "or set ORLEANSPLANS_CHROMIUM to a Chromium executable.";
            return;
        }

        // A shared 2-core machine: the default 5 s for an expectation to come true is too short under load.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // Root in CI containers cannot use Chromium's sandbox; /dev/shm is small in containers.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            Timeout = 120_000,
        });
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
