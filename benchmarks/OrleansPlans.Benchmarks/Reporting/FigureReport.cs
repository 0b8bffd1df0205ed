using System.Globalization;

namespace OrleansPlans.Benchmarks.Reporting;

/// <summary>
/// Prints figures as <c>figure &lt;id&gt; = &lt;value&gt; &lt;unit&gt;  (note)</c>, one per line, so people read them and the
/// smoke test can find every one by id; <see cref="Table"/> repeats them at the end with their goals.
/// </summary>
public sealed class FigureReport(TextWriter output)
{
    private readonly List<(string Id, double Value, string Unit)> _figures = [];

    /// <summary>The figures printed so far, in order.</summary>
    public IReadOnlyList<(string Id, double Value, string Unit)> Figures => _figures;

    /// <summary>Prints a section heading.</summary>
    public void Section(string title) => output.WriteLine($"== {title}");

    /// <summary>Prints a free-form detail line under the current section.</summary>
    public void Detail(string text) => output.WriteLine($"   {text}");

    /// <summary>Prints one figure.</summary>
    public void Figure(string id, double value, string unit, string? note = null)
    {
        _figures.Add((id, value, unit));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"figure {id} = {Format(value)} {unit}{(note is null ? "" : $"  ({note})")}"));
        output.Flush();
    }

    /// <summary>Prints an engine rate and its ratio to its goal (<see cref="FigureGoals.EngineGoal"/>).</summary>
    public void EngineRate(string id, double usageEventsPerSecond, string note)
    {
        var goal = FigureGoals.EngineGoal(id);
        Figure(id, usageEventsPerSecond, "usage events/s", note);
        Figure($"{id}.goal_ratio", usageEventsPerSecond / goal, "x",
            string.Create(CultureInfo.InvariantCulture, $"goal {goal:#,0} usage events per CPU-second on 2 cores"));
    }

    /// <summary>Prints every figure again as a Markdown table with its goal and whether it is met.</summary>
    public void Table()
    {
        Section("figures");
        output.WriteLine("| figure | value | unit | goal | met |");
        output.WriteLine("|---|---:|---|---|---|");
        foreach (var (id, value, unit) in _figures)
        {
            var goal = FigureGoals.For(id, value);
            output.WriteLine($"| {id} | {Format(value)} | {unit} | {goal?.Text ?? ""} | {(goal is null ? "" : goal.Value.Met ? "yes" : "no")} |");
        }

        output.Flush();
    }

    private static string Format(double value) => value.ToString(Math.Abs(value) < 10 ? "#,0.###" : "#,0.##", CultureInfo.InvariantCulture);
}
