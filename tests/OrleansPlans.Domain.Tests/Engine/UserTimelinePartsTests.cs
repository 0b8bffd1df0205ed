using System.Globalization;
using System.Text;
using OrleansPlans.Domain.Tests.Support;
using OrleansPlans.Domain.Users;
using OrleansPlans.Oracle;

namespace OrleansPlans.Domain.Tests.Engine;

/// <summary>
/// A user timeline stored in parts, written only with the header and the newest usage events, reads back as the
/// timeline it was, through memberships, merges and long usage histories; and a write stays small
/// however long the history.
/// </summary>
public sealed class UserTimelinePartsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void timelines_written_part_by_part_read_back_equal_to_the_live_ones(int seed)
    {
        var stored = new StoredParts();
        var engine = StoredParts.Replay(
            new GeneratorOptions { Seed = 700 + seed, Users = 30, Plans = 8, MembershipEvents = 250, UsageEvents = 1500, Merges = 20 },
            checkEvery: 200,
            write: engine =>
            {
                foreach (var user in engine.Users)
                {
                    stored.Write(user.UserId, UserTimelineParts.TakeUnsaved(user));
                }
            },
            check: engine =>
            {
                foreach (var user in engine.Users)
                {
                    AssertSame(user, UserTimelineParts.Load(user.UserId, stored[user.UserId]));
                }
            });

        // The histories were long enough to span several parts.
        Assert.Contains(engine.Users, user => user.Usages.Count > 2 * UserTimelineParts.UsagesPerPart);
    }

    [Fact]
    public void a_write_carries_the_header_and_the_run_of_the_new_events_only()
    {
        var s = new Scenario().Added("m-1", "plan-a", "user-1", "2026-03-01T08:00:00Z");
        var usages = (UserTimelineParts.UsagesPerPart * 3) + 2;
        for (var i = 0; i < usages; i++)
        {
            s.Used(string.Create(CultureInfo.InvariantCulture, $"u-{i}"), "user-1", "2026-03-01T10:00:00Z", seconds: 10, content: $"c-{i}");
        }

        var user = s.Engine.FindUser("user-1")!;
        Assert.Equal(1 + 4, UserTimelineParts.TakeUnsaved(user).Count); // first write: everything

        s.Used("u-next", "user-1", "2026-03-02T10:00:00Z");
        var parts = UserTimelineParts.TakeUnsaved(user);
        Assert.Equal(["e/3", UserTimelineParts.HeaderPart], parts.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("u-next", Encoding.UTF8.GetString(parts["e/3"]!), StringComparison.Ordinal);
        Assert.DoesNotContain("u-0\"", Encoding.UTF8.GetString(parts["e/3"]!), StringComparison.Ordinal);

        // Nothing new: the header alone.
        Assert.Equal([UserTimelineParts.HeaderPart], UserTimelineParts.TakeUnsaved(user).Keys);
    }

    [Fact]
    public void a_run_that_fills_up_moves_the_next_events_to_a_new_part()
    {
        var s = new Scenario();
        for (var i = 0; i < UserTimelineParts.UsagesPerPart - 1; i++)
        {
            s.Used(string.Create(CultureInfo.InvariantCulture, $"u-{i}"), "user-1", "2026-03-01T10:00:00Z");
        }

        var user = s.Engine.FindUser("user-1")!;
        UserTimelineParts.TakeUnsaved(user);
        s.Used("u-a", "user-1", "2026-03-01T11:00:00Z").Used("u-b", "user-1", "2026-03-01T12:00:00Z");

        // The first run gains its last event, the second starts.
        Assert.Equal(["e/0", "e/1", UserTimelineParts.HeaderPart], UserTimelineParts.TakeUnsaved(user).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void a_missing_run_or_header_is_refused_rather_than_read_as_a_shorter_history()
    {
        var s = new Scenario();
        for (var i = 0; i < (2 * UserTimelineParts.UsagesPerPart) + 1; i++)
        {
            s.Used(string.Create(CultureInfo.InvariantCulture, $"u-{i}"), "user-1", "2026-03-01T10:00:00Z");
        }

        var all = UserTimelineParts.All(s.Engine.FindUser("user-1")!).ToList();
        Assert.Throws<FormatException>(() => UserTimelineParts.Load("user-1", all.Where(p => p.Key != "e/1")));
        Assert.Throws<FormatException>(() => UserTimelineParts.Load("user-1", all.Where(p => p.Key != UserTimelineParts.HeaderPart)));
        Assert.Equal(all.Count, UserTimelineParts.All(UserTimelineParts.Load("user-1", all)).Count());
    }

    private static void AssertSame(UserTimeline live, UserTimeline loaded)
    {
        Assert.Equal(Canonical(live), Canonical(loaded));
        Assert.Equal(live.Usages, loaded.Usages);
        Assert.Equal(live.Intervals(), loaded.Intervals());
        Assert.Equal(live.NextSequence, loaded.NextSequence);
    }

    private static List<string> Canonical(UserTimeline timeline) =>
        UserTimelineParts.All(timeline).Select(p => p.Key + "=" + Encoding.UTF8.GetString(p.Value)).ToList();
}
