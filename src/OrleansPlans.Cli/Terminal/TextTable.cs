namespace OrleansPlans.Cli.Terminal;

/// <summary>Writes rows as left-aligned columns under a header, two spaces apart.</summary>
internal static class TextTable
{
    public static async Task WriteAsync(TextWriter output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.ToList();
        var widths = header.Select((h, i) => all.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        await output.WriteLineAsync(Format(header, widths)).ConfigureAwait(false);
        await output.WriteLineAsync(Format(widths.Select(w => new string('-', w)).ToArray(), widths)).ConfigureAwait(false);
        foreach (var row in all)
        {
            await output.WriteLineAsync(Format(row, widths)).ConfigureAwait(false);
        }
    }

    private static string Format(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Count - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
}
