using System.Globalization;

namespace OrleansPlans.Benchmarks.Pipeline;

/// <summary>
/// When a paced run's slow records were produced, as spans of produce time: slow records produced close together
/// point at a pause of the whole process (a collection, the machine), spread ones at something per record or per
/// partition. A step fails on one record over its lag limit, so the tail's shape says what to look at.
/// </summary>
public static class SlowRecordSpans
{
    // Records produced within this much of each other belong to one span.
    private const double JoinMs = 250;

    /// <summary>
    /// "N over T ms, produced at a–b s (n, max m ms), …" for the records whose latency exceeds <paramref name="thresholdMs"/>,
    /// at most <paramref name="spans"/> spans (the slowest); "none over T ms" when there are none.
    /// </summary>
    public static string Describe(IReadOnlyList<double> producedAtMs, IReadOnlyList<double> latenciesMs, double thresholdMs, int spans = 4)
    {
        ArgumentNullException.ThrowIfNull(producedAtMs);
        ArgumentNullException.ThrowIfNull(latenciesMs);
        var slow = Enumerable.Range(0, latenciesMs.Count).Where(i => latenciesMs[i] > thresholdMs)
            .Select(i => (At: producedAtMs[i], Lag: latenciesMs[i])).OrderBy(r => r.At).ToList();
        if (slow.Count == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"none over {thresholdMs:#,0} ms");
        }

        var found = new List<(double From, double To, int Count, double Max)>();
        foreach (var (at, lag) in slow)
        {
            if (found.Count > 0 && at - found[^1].To <= JoinMs)
            {
                var last = found[^1];
                found[^1] = (last.From, at, last.Count + 1, Math.Max(last.Max, lag));
            }
            else
            {
                found.Add((at, at, 1, lag));
            }
        }

        var shown = found.OrderByDescending(s => s.Max).Take(spans).OrderBy(s => s.From)
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.From / 1000:0.0}–{s.To / 1000:0.0} s ({s.Count:#,0}, max {s.Max:#,0} ms)"));
        return string.Create(CultureInfo.InvariantCulture, $"{slow.Count:#,0} over {thresholdMs:#,0} ms in {found.Count:#,0} spans of produce time, slowest: {string.Join(", ", shown)}");
    }
}
