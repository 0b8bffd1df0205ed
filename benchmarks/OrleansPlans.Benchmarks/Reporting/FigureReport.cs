using System.Globalization;

namespace OrleansPlans.Benchmarks.Reporting;

/// <summary>
/// Prints figures as <c>figure &lt;id&gt; = &lt;value&gt; &lt;unit&gt;  (note)</c>, one per line, so people read them and the
/// smoke test (and later CI) can find every one by id.
/// </summary>
public sealed class FigureReport(TextWriter output)
{
    /// <summary>The goal of issue 6 for the in-process engine rate.</summary>
    public const double EngineGoalUsageEventsPerSecond = 250_000;

    /// <summary>Prints a section heading.</summary>
    public void Section(string title) => output.WriteLine($"== {title}");

    /// <summary>Prints a free-form detail line under the current section.</summary>
    public void Detail(string text) => output.WriteLine($"   {text}");

    /// <summary>Prints one figure.</summary>
    public void Figure(string id, double value, string unit, string? note = null) =>
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"figure {id} = {value:#,0.##} {unit}{(note is null ? "" : $"  ({note})")}"));

    /// <summary>Prints a rate and its ratio to the engine goal.</summary>
    public void EngineRate(string id, double usageEventsPerSecond, string note)
    {
        Figure(id, usageEventsPerSecond, "usage events/s", note);
        Figure($"{id}.goal_ratio", usageEventsPerSecond / EngineGoalUsageEventsPerSecond, "x",
            string.Create(CultureInfo.InvariantCulture, $"goal {EngineGoalUsageEventsPerSecond:#,0} usage events/s on 2 cores"));
    }
}
