using Orleans.Concurrency;
using OrleansPlans.Domain.Events;
using OrleansPlans.Domain.Merges;
using OrleansPlans.Domain.Rows;
using OrleansPlans.Grains;

namespace OrleansPlans.Api.Tests;

/// <summary>
/// Three users in two plans, then <c>beta</c> merged into <c>alpha</c> (ids prefixed per test class):
/// <list type="bullet">
/// <item>alice joins alpha 2026-03-01T09:00Z; uses 300 s at 10:15 and 120 s on 2026-03-02 at 08:00;</item>
/// <item>bob uses 60 s at 10:30 while in no plan, joins alpha at 11:00 and uses 600 s at 12:05;</item>
/// <item>carol joins beta at 08:00 and uses 100 s at 09:00; beta is merged into alpha on 2026-03-03.</item>
/// </list>
/// So alpha has 3 members (carol keeps member_since 08:00) and, hourly: 09:00 100 s, 10:00 300 s, 12:00 600 s,
/// 2026-03-02T08:00 120 s; daily: 2026-03-01 1000 s / 3 events / 3 users, 2026-03-02 120 s / 1 / 1.
/// </summary>
public sealed record Scenario(string Alpha, string Beta, string Alice, string Bob, string Carol, string MergeId, string Nobody)
{
    public static readonly DateTimeOffset Day1 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<Scenario> SeedAsync(IGrainFactory grains, string prefix)
    {
        var s = new Scenario($"{prefix}-alpha", $"{prefix}-beta", $"{prefix}-alice", $"{prefix}-bob", $"{prefix}-carol",
            $"{prefix}-merge-1", $"{prefix}-nobody");
        await ApplyAsync(grains, s.Alice,
            [Added($"{s.Alice}-m1", s.Alpha, s.Alice, At(9))],
            [Usage($"{s.Alice}-u1", s.Alice, 300, At(10, 15)), Usage($"{s.Alice}-u2", s.Alice, 120, At(24 + 8))]);
        await ApplyAsync(grains, s.Bob,
            [Added($"{s.Bob}-m1", s.Alpha, s.Bob, At(11))],
            [Usage($"{s.Bob}-u1", s.Bob, 60, At(10, 30)), Usage($"{s.Bob}-u2", s.Bob, 600, At(12, 5))]);
        await ApplyAsync(grains, s.Carol,
            [Added($"{s.Carol}-m1", s.Beta, s.Carol, At(8))],
            [Usage($"{s.Carol}-u1", s.Carol, 100, At(9))]);
        var decision = await grains.GetGrain<IMergeCoordinatorGrain>(0).MergeAsync(
            new MergeRequest(new MergeEvent(s.MergeId, s.Beta, s.Alpha, At(48), "ops@example.com"), null).AsImmutable());
        Assert.Equal(MergeVerdict.Applied, decision.Verdict);

        // Merges are carried out before MergeAsync returns; check it, as every test relies on it.
        var alpha = (await grains.GetGrain<IPlanGrain>(s.Alpha).GetRowsAsync()).OfType<PlanRow>().Single();
        var done = await grains.GetGrain<IMergeCoordinatorGrain>(0).GetDecisionAsync(s.MergeId);
        Assert.True(alpha.MemberCount == 3 && done is { Completed: true }, $"the merge is carried out: {alpha}, {done}");
        return s;
    }

    public static DateTimeOffset At(int hours, int minutes = 0) => Day1.AddHours(hours).AddMinutes(minutes);

    private static MembershipEvent Added(string id, string plan, string user, DateTimeOffset at) =>
        new(id, MembershipChange.Added, plan, user, at);

    private static UsageEvent Usage(string id, string user, int seconds, DateTimeOffset at) =>
        new(id, user, "course-csharp-1", seconds, at);

    private static Task<int> ApplyAsync(IGrainFactory grains, string user, MembershipEvent[] memberships, UsageEvent[] usages) =>
        grains.GetGrain<IUserGrain>(user).ApplyAsync(new UserEvents(memberships, usages).AsImmutable());
}
