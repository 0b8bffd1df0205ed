using OrleansPlans.Domain.Tests.Support;

namespace OrleansPlans.Domain.Tests.Rules;

public sealed class DuplicateRulesTests
{
    [Fact]
    public void duplicate_usage_is_ignored()
    {
        var s = new Scenario()
            .Added("m-1", "plan-a", "user-1", "2026-03-01T08:00:00Z")
            .Used("u-1", "user-1", "2026-03-01T10:00:00Z", seconds: 100)
            .Used("u-1", "user-1", "2026-03-01T10:00:00Z", seconds: 100);

        Assert.Equal((100L, 1L), (s.Daily("plan-a", "2026-03-01")!.Seconds, s.Daily("plan-a", "2026-03-01")!.Events));
    }

    [Fact]
    public void duplicate_usage_is_ignored_however_many_events_the_user_has()
    {
        // Duplicates are found by searching a user's events while few and by a set of ids beyond: both sides count.
        var s = new Scenario().Added("m-1", "plan-a", "user-1", "2026-03-01T08:00:00Z");
        for (var i = 0; i < 40; i++)
        {
            s.Used($"u-{i}", "user-1", "2026-03-01T10:00:00Z", seconds: 1);
            s.Used("u-0", "user-1", "2026-03-01T10:00:00Z", seconds: 1);
            s.Used($"u-{i}", "user-1", "2026-03-01T10:00:00Z", seconds: 1);
        }

        Assert.Equal((40L, 40L), (s.Daily("plan-a", "2026-03-01")!.Seconds, s.Daily("plan-a", "2026-03-01")!.Events));
    }

    [Fact]
    public void duplicate_membership_and_merge_are_ignored()
    {
        var s = new Scenario()
            .Added("m-1", "plan-a", "user-1", "2026-03-01T08:00:00Z")
            .Removed("m-2", "plan-a", "user-1", "2026-03-01T09:00:00Z")
            .Removed("m-2", "plan-a", "user-1", "2026-03-01T09:00:00Z")
            .Merged("g-1", "plan-a", "plan-b")
            .Merged("g-1", "plan-a", "plan-b");

        Assert.Empty(s.DeadLetters);
        Assert.Equal("merged", s.Plan("plan-a")!.Status);
    }

    [Fact]
    public void bad_records_are_dead_lettered_at_their_position_and_the_rest_is_processed()
    {
        var s = new Scenario()
            .Added("m-1", "plan-a", "user-1", "2026-03-01T08:00:00Z")
            .Feed(Events.InputTopic.Usage, "user-1", Json.Utf8("{oops"))
            .Used("u-1", "user-1", "2026-03-01T10:00:00Z", seconds: 100);

        var dead = Assert.Single(s.DeadLetters);
        Assert.Equal(("Usage", 0, 0L), (dead.Source.Topic, dead.Source.Partition, dead.Source.Offset));
        Assert.Equal("{oops"u8.ToArray(), dead.RawValue);
        Assert.Equal(100, s.Daily("plan-a", "2026-03-01")!.Seconds);
    }
}
