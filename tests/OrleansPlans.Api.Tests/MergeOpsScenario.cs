using Orleans.Concurrency;
using OrleansPlans.Domain.Events;
using OrleansPlans.Grains;

namespace OrleansPlans.Api.Tests;

/// <summary>
/// Two plans about to be merged (ids prefixed per test), with a user on both sides so that a merge is more than a sum:
/// <list type="bullet">
/// <item>target: alice joins 2026-03-01T09:00Z and uses 300 s of c1 at 10:15; bob joins at 11:00 and uses 600 s of c2 at 12:05;</item>
/// <item>source: carol joins at 08:00 and uses 100 s of c1 at 09:00;</item>
/// <item>dave joins source at 08:00, uses 50 s of c2 at 08:30, joins target at 10:00 and uses 70 s of c1 at 10:30.</item>
/// </list>
/// Once source is merged into target, dave was in one plan since 08:00 (his second join has no effect), so the
/// survivor has 4 members with dave since 08:00, and 2026-03-01 has 4 active users, not 3 + 2.
/// </summary>
public sealed record MergeOpsScenario(string Source, string Target, string Alice, string Bob, string Carol, string Dave)
{
    public static async Task<MergeOpsScenario> SeedAsync(IGrainFactory grains, string prefix)
    {
        var s = new MergeOpsScenario($"{prefix}-src", $"{prefix}-tgt", $"{prefix}-alice", $"{prefix}-bob", $"{prefix}-carol", $"{prefix}-dave");
        await ApplyAsync(grains, s.Alice, [Added(s.Alice, 1, s.Target, At(9))], [Usage(s.Alice, 1, "c1", 300, At(10, 15))]);
        await ApplyAsync(grains, s.Bob, [Added(s.Bob, 1, s.Target, At(11))], [Usage(s.Bob, 1, "c2", 600, At(12, 5))]);
        await ApplyAsync(grains, s.Carol, [Added(s.Carol, 1, s.Source, At(8))], [Usage(s.Carol, 1, "c1", 100, At(9))]);
        await ApplyAsync(grains, s.Dave,
            [Added(s.Dave, 1, s.Source, At(8)), Added(s.Dave, 2, s.Target, At(10))],
            [Usage(s.Dave, 1, "c2", 50, At(8, 30)), Usage(s.Dave, 2, "c1", 70, At(10, 30))]);
        return s;
    }

    public static DateTimeOffset At(int hours, int minutes = 0) => Scenario.Day1.AddHours(hours).AddMinutes(minutes);

    private static MembershipEvent Added(string user, int n, string plan, DateTimeOffset at) =>
        new($"{user}-m{n}", MembershipChange.Added, plan, user, at);

    private static UsageEvent Usage(string user, int n, string content, int seconds, DateTimeOffset at) =>
        new($"{user}-u{n}", user, content, seconds, at);

    private static Task<int> ApplyAsync(IGrainFactory grains, string user, MembershipEvent[] memberships, UsageEvent[] usages) =>
        grains.GetGrain<IUserGrain>(user).ApplyAsync(new UserEvents(memberships, usages).AsImmutable());
}
