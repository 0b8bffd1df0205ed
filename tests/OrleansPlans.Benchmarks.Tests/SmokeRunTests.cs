using System.Text.RegularExpressions;
using OrleansPlans.Benchmarks;
using OrleansPlans.Benchmarks.Reporting;

namespace OrleansPlans.Benchmarks.Tests;

/// <summary>The smoke mode runs every measured part end to end and prints every figure; no timing is asserted.</summary>
public sealed partial class SmokeRunTests
{
    [Fact]
    public async Task smoke_run_prints_every_figure_with_a_number()
    {
        var settings = BenchmarkSettings.Parse(["--smoke"])!;
        using var output = new StringWriter();

        await BenchmarkHarness.RunAsync(settings, output, TestContext.Current.CancellationToken);

        var printed = FigureLine().Matches(output.ToString()).ToDictionary(m => m.Groups["id"].Value, m => m.Groups["value"].Value);
        foreach (var id in FigureIds.All)
        {
            Assert.True(printed.ContainsKey(id), $"figure '{id}' missing from:\n{output}");
        }

        Assert.True(double.Parse(printed[FigureIds.DomainEngineRate].Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.True(double.Parse(printed[FigureIds.UserStateBytes].Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Theory]
    [InlineData("--users")]
    [InlineData("--users", "0")]
    [InlineData("--bogus")]
    public void command_lines_that_are_not_understood_are_refused(params string[] args) =>
        Assert.Null(BenchmarkSettings.Parse(args));

    [Fact]
    public void smoke_flag_shrinks_every_size()
    {
        var smoke = BenchmarkSettings.Parse(["--smoke"])!;
        var full = BenchmarkSettings.Parse([])!;

        Assert.True(smoke.Smoke);
        Assert.True(smoke.Users < full.Users && smoke.GrainUsers < full.GrainUsers && smoke.Repetitions == 1);
    }

    [GeneratedRegex(@"^figure (?<id>\S+) = (?<value>-?[\d,]+(\.\d+)?) ", RegexOptions.Multiline)]
    private static partial Regex FigureLine();
}
