using Spectre.Console;

namespace OrleansPlans.Cli.Terminal;

/// <summary>
/// Writes rows under a header with Spectre.Console: on a terminal a table with rounded borders and bold headers; when
/// redirected, plain left-aligned columns two spaces apart, no borders, never wrapped, so scripts can split them.
/// </summary>
internal static class TextTable
{
    public static Task WriteAsync(TextWriter output, bool interactive, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = Create(interactive, header, rows);
        if (interactive)
        {
            SpectreConsoles.For(output, interactive: true).Write(table);
            return output.FlushAsync();
        }

        // Spectre pads every cell to its column's width; plain lines end at their last character.
        using var rendered = new StringWriter();
        SpectreConsoles.For(rendered, interactive: false).Write(table);
        var lines = rendered.ToString().Split('\n').Select(line => line.TrimEnd()).Where(line => line.Length > 0);
        return output.WriteAsync(string.Concat(lines.Select(line => line + output.NewLine)));
    }

    /// <summary>The table as Spectre.Console renders it: bordered for a terminal, bare for redirected output.</summary>
    public static Table Create(bool interactive, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = new Table { Border = interactive ? TableBorder.Rounded : TableBorder.None };
        var headerStyle = interactive ? new Style(decoration: Decoration.Bold) : Style.Plain;
        foreach (var title in header)
        {
            table.AddColumn(new TableColumn(new Text(title, headerStyle)) { Padding = interactive ? new Padding(1, 0) : new Padding(0, 0, 2, 0) });
        }

        foreach (var row in rows)
        {
            // Text, not markup: cells hold plan ids, reasons and errors that may contain '[' or ']'.
            table.AddRow(row.Select(cell => new Text(cell)));
        }

        return table;
    }
}
