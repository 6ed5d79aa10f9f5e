using Spectre.Console;

namespace Bellwether.Cli;

/// <summary>
/// What a command needs from its process: where to write, what time it is, and the environment. Tests hand in their
/// own writers and clock and run the command line in-process.
/// </summary>
public sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error, TimeProvider clock, Func<string, string?>? environment = null, bool? interactive = null)
    {
        Output = output;
        Error = error;
        Clock = clock;
        Environment = environment ?? System.Environment.GetEnvironmentVariable;
        Interactive = interactive ?? (!System.Console.IsErrorRedirected && ReferenceEquals(error, System.Console.Error));
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.No,
        });
        if (!ReferenceEquals(output, System.Console.Out) || System.Console.IsOutputRedirected)
        {
            // Not a terminal: tables go to logs and files, drawn at the width every report keeps to.
            Console.Profile.Width = Cli.Output.MaxWidth;
        }

        ErrorConsole = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error),
            Ansi = Interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = Interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
    }

    public TextWriter Output { get; }

    /// <summary>Now, to the second: "everything known now" needs no fractions of a second in every row.</summary>
    public DateTimeOffset Now
    {
        get
        {
            var now = Clock.GetUtcNow();
            return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        }
    }

    public TextWriter Error { get; }

    public TimeProvider Clock { get; }

    public Func<string, string?> Environment { get; }

    /// <summary>Whether a person watches stderr, so that a live progress bar makes sense.</summary>
    public bool Interactive { get; }

    /// <summary>Rich output (tables) to stdout.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Progress and messages to stderr, so that stdout stays clean for json and csv.</summary>
    public IAnsiConsole ErrorConsole { get; }
}
