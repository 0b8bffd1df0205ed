using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrleansPlans.Api.Diagnostics;

namespace OrleansPlans.Api.Tests;

/// <summary>Client errors are logged, so an operator sees a misbehaving client, but at a bounded rate, so it cannot flood the log.</summary>
public sealed class ClientErrorLogTests(ApiCluster cluster)
{
    [Fact]
    public void the_limiter_lets_the_limit_through_per_window_and_then_counts_what_it_left_out()
    {
        var time = new SteppedTimeProvider(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
        var limiter = new LogRateLimiter(time);

        var admitted = Enumerable.Range(0, LogRateLimiter.Limit + 5).Count(_ => limiter.TryAcquire(out _));
        time.Now += LogRateLimiter.Window - TimeSpan.FromTicks(1);
        var stillRefused = limiter.TryAcquire(out _);
        time.Now += TimeSpan.FromTicks(1);
        var nextWindow = limiter.TryAcquire(out var suppressed);

        Assert.Equal(LogRateLimiter.Limit, admitted);
        Assert.False(stillRefused);
        Assert.True(nextWindow);
        Assert.Equal(6, suppressed);
    }

    [Fact]
    public async Task a_flood_of_bad_requests_and_bad_keys_logs_the_limit_of_each_and_then_how_many_were_left_out()
    {
        var logs = new CapturedLogs();
        var time = new SteppedTimeProvider(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
        await using var api = await cluster.StartApiAsync(OperatorApi.Keys, logs, services => services.AddSingleton<TimeProvider>(time));

        for (var i = 0; i < 3 * LogRateLimiter.Limit; i++)
        {
            await ProblemBody.AssertAsync(await api.PostJsonAsync("/api/v1/merges/preview", "{\"sourcePlanId\":"), HttpStatusCode.BadRequest);
            await ProblemBody.AssertAsync(await api.GetAsync("/api/v1/merges/requests", key: $"not-a-key-{i:D20}"), HttpStatusCode.Unauthorized);
        }

        time.Now += LogRateLimiter.Window;
        await api.PostJsonAsync("/api/v1/merges/preview", "[]");

        var badRequests = logs.Lines.Where(l => l.Contains("[5104] Answered 400 to POST /api/v1/merges/preview", StringComparison.Ordinal)).ToList();
        Assert.Equal(LogRateLimiter.Limit + 1, badRequests.Count);
        Assert.Contains("the body is not valid JSON", badRequests[0], StringComparison.Ordinal);
        Assert.Contains($"({2 * LogRateLimiter.Limit} earlier 400s not logged: rate limit)", badRequests[^1], StringComparison.Ordinal);
        Assert.Equal(LogRateLimiter.Limit, logs.Lines.Count(l => l.Contains("[5101] Rejected an API key: unknown key", StringComparison.Ordinal)));
    }
}
