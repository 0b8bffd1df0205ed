namespace OrleansPlans.Oracle.Generation;

/// <summary>
/// Plans a sequence of merges of known kinds. It keeps its own small record of what it applied so it can
/// aim (cycles need a chain, conflicts need a merged source); the oracle, not this, is the judge.
/// </summary>
internal sealed class MergeScript(Random rng, IReadOnlyList<string> plans, Func<int, string> ghostPlanId)
{
    private readonly Dictionary<string, string> mergedInto = new(StringComparer.Ordinal);
    private readonly List<(string Source, string Target)> applied = [];
    private int ghosts;

    public enum Kind
    {
        ChainForward,
        Self,
        ChainBackward,
        Repeat,
        Ghost,
        Conflict,
        Cycle,
    }

    public List<(string Source, string Target, bool Refused)> Steps { get; } = [];

    public void Add(Kind kind)
    {
        // Keep at least half of the plans unmerged so most usage still lands on plans named by events.
        var canApply = plans.Count(p => !mergedInto.ContainsKey(p)) > plans.Count / 2 + 4;
        switch (kind)
        {
            case Kind.ChainForward when canApply:
                {
                    var (a, b, c, d) = FourFresh();
                    Apply(a, b);
                    Apply(b, c);
                    Apply(c, d);
                    break;
                }

            case Kind.ChainBackward when canApply:
                {
                    // c -> d first, so b -> c and a -> b each target an already-merged plan.
                    var (a, b, c, d) = FourFresh();
                    Apply(c, d);
                    Apply(b, c);
                    Apply(a, b);
                    break;
                }

            case Kind.Ghost when canApply:
                {
                    var (x, y, _, _) = FourFresh();
                    Apply(ghostPlanId(ghosts++), x);
                    Apply(y, ghostPlanId(ghosts++));
                    break;
                }

            case Kind.Repeat when applied.Count > 0:
                {
                    var (s, t) = applied[rng.Next(applied.Count)];
                    Steps.Add((s, t, false));
                    break;
                }

            case Kind.Conflict when applied.Count > 0:
                {
                    var (s, t) = applied[rng.Next(applied.Count)];
                    var other = Root(t) != t && rng.NextDouble() < 0.5 ? Root(t) : plans.First(p => p != t && p != s);
                    Steps.Add((s, other, true));
                    break;
                }

            case Kind.Cycle when applied.Count > 0:
                {
                    var (s, _) = applied[rng.Next(applied.Count)];
                    Steps.Add((Root(s), s, true));
                    break;
                }

            default:
                {
                    var x = plans[rng.Next(plans.Count)];
                    Steps.Add((x, x, true));
                    break;
                }
        }
    }

    private void Apply(string source, string target)
    {
        mergedInto[source] = target;
        applied.Add((source, target));
        Steps.Add((source, target, false));
    }

    private string Root(string plan)
    {
        while (mergedInto.TryGetValue(plan, out var next))
        {
            plan = next;
        }

        return plan;
    }

    /// <summary>Four distinct plans that are not merged yet.</summary>
    private (string, string, string, string) FourFresh()
    {
        var fresh = plans.Where(p => !mergedInto.ContainsKey(p)).OrderBy(_ => rng.Next()).Take(4).ToList();
        return (fresh[0], fresh[1], fresh[2], fresh[3]);
    }
}
