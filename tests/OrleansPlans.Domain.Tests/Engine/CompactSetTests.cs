using OrleansPlans.Domain.Users;

namespace OrleansPlans.Domain.Tests.Engine;

public sealed class CompactSetTests
{
    [Fact]
    public void adds_each_entry_once_while_searched_in_order_and_once_hashed()
    {
        var set = new CompactSet<(string Plan, DateOnly Day)>();
        var day = new DateOnly(2026, 3, 1);
        for (var i = 0; i < 100; i++)
        {
            // A new string each time: equality is by value, as a hash set's was.
            Assert.True(set.Add(($"plan-{i % 2}", day.AddDays(i))));
            Assert.False(set.Add(($"plan-{i % 2}", day.AddDays(i))));
            Assert.False(set.Add(("plan-0", day)));
            Assert.Equal(i + 1, set.Count);
        }
    }
}
