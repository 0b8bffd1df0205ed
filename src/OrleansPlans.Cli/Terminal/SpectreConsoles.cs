using Spectre.Console;

namespace OrleansPlans.Cli.Terminal;

/// <summary>Spectre.Console consoles over the command's output: colours and live redrawing on a terminal, plain text otherwise.</summary>
internal static class SpectreConsoles
{
    // Redirected output is read by scripts: never wrapped at an assumed console width (Spectre's default is 80 columns).
    private const int PlainWidth = 4096;

    public static IAnsiConsole For(TextWriter output, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!interactive)
        {
            console.Profile.Width = PlainWidth;
            console.Profile.Capabilities.Unicode = false;
        }

        return console;
    }
}
