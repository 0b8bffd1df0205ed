using System.Text;
using OrleansPlans.Grains.State;

namespace OrleansPlans.Grains.Tests;

public sealed class PartedGrainStateTests
{
    [Fact]
    public void parts_staged_before_a_write_are_taken_together_and_the_later_value_of_a_part_wins()
    {
        var state = new PartedGrainState();
        state.Stage(Parts(("header", "h1"), ("a", "1")));
        state.Stage(Parts(("header", "h2"), ("b", null)));

        var taken = state.TakeUnsaved();

        Assert.Equal(["a=1", "b=(removed)", "header=h2"], Describe(taken));
        Assert.Empty(state.TakeUnsaved());
    }

    [Fact]
    public void a_failed_write_gives_its_parts_back_except_those_staged_again_since()
    {
        var state = new PartedGrainState();
        state.Stage(Parts(("header", "h1"), ("a", "1")));
        var failed = state.TakeUnsaved();
        state.Stage(Parts(("header", "h2")));

        state.RestoreUnsaved(failed);

        Assert.Equal(["a=1", "header=h2"], Describe(state.TakeUnsaved()));
    }

    private static Dictionary<string, byte[]?> Parts(params (string Name, string? Value)[] parts) =>
        parts.ToDictionary(p => p.Name, p => p.Value is null ? null : Encoding.UTF8.GetBytes(p.Value), StringComparer.Ordinal);

    private static IEnumerable<string> Describe(IReadOnlyDictionary<string, byte[]?> parts) =>
        parts.Select(p => $"{p.Key}={(p.Value is null ? "(removed)" : Encoding.UTF8.GetString(p.Value))}").Order(StringComparer.Ordinal);
}
