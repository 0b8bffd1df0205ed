using OrleansPlans.Cli.Terminal;
using Spectre.Console.Testing;

namespace OrleansPlans.Cli.Tests;

/// <summary>Tables and progress as a terminal shows them (Spectre.Console) and as redirected output keeps them: plain lines.</summary>
public sealed class TerminalOutputTests
{
    private static readonly string[] Header = ["topic", "partition", "reason"];
    private static readonly string[][] Rows = [["plan-merges", "0", "cycle [a -> b]"], ["content-usage", "12", "bad json"]];

    [Fact]
    public async Task redirected_tables_are_plain_columns_two_spaces_apart_without_borders_or_escapes()
    {
        using var output = new StringWriter();

        await TextTable.WriteAsync(output, interactive: false, Header, Rows);

        Assert.Equal(
            [
                "topic          partition  reason",
                "plan-merges    0          cycle [a -> b]",
                "content-usage  12         bad json",
            ],
            Lines(output));
    }

    [Fact]
    public async Task redirected_tables_are_not_wrapped_at_a_console_width()
    {
        using var output = new StringWriter();
        var reason = new string('x', 300);

        await TextTable.WriteAsync(output, interactive: false, ["topic", "reason"], [["dead-letters", reason]]);

        Assert.Equal($"dead-letters  {reason}", Lines(output)[1]);
    }

    [Fact]
    public void terminal_tables_have_borders_and_show_cells_literally()
    {
        var console = new TestConsole();

        console.Write(TextTable.Create(interactive: true, Header, Rows));

        var lines = console.Output.Split('\n');
        Assert.StartsWith("╭", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, line => line.Contains("│ plan-merges", StringComparison.Ordinal) && line.Contains("cycle [a -> b]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task redirected_progress_is_one_line_per_tenth()
    {
        using var output = new StringWriter();
        await using var progress = new ProgressBar(output, interactive: false, "lines");

        for (var done = 0; done <= 1000; done += 50)
        {
            progress.Report(done, 1000);
        }

        await progress.CompleteAsync();
        var lines = Lines(output);
        Assert.Equal(11, lines.Length);
        Assert.Equal("progress:   0%  0/1,000 lines", lines[0]);
        Assert.Equal("progress: 100%  1,000/1,000 lines", lines[^1]);
    }

    [Fact]
    public async Task terminal_progress_ends_with_the_last_figures()
    {
        using var output = new StringWriter();
        var progress = new ProgressBar(output, interactive: true, "records");

        progress.Report(250, 1000);
        progress.Report(1000, 1000);
        await progress.CompleteAsync();

        Assert.Contains("1,000/1,000 records", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("100%", output.ToString(), StringComparison.Ordinal);
    }

    private static string[] Lines(StringWriter output) =>
        output.ToString().Split(output.NewLine, StringSplitOptions.RemoveEmptyEntries);
}
