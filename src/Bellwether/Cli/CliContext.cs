using System.Globalization;
using Bellwether.Core.Budget;
using Bellwether.Core.Data;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Indicators;
using Spectre.Console;

namespace Bellwether.Cli;

/// <summary>
/// What a command needs from its process: where to write, what time it is, the environment, and what its work may
/// spend (Ctrl+C cancels it; the memory budget refuses work too large to start). Tests hand in their own writers,
/// clock and cancellation and run the command line in-process.
/// </summary>
public sealed class CliContext
{
    /// <summary>The environment variable that overrides the memory budget, in megabytes (default: <see cref="MemoryBudget.ForProcess"/>).</summary>
    public const string MemoryBudgetVariable = "BELLWETHER_MEMORY_MB";

    /// <summary>
    /// The runtime's hard heap limit, hexadecimal bytes (<c>0x100000000</c> is 4 GB): a process started with it may use
    /// no more, and a company that would need more is refused before it loads.
    /// </summary>
    public const string HeapHardLimitVariable = "DOTNET_GCHeapHardLimit";

    private WorkBudget? _work;
    private bool _watched;

    public CliContext(TextWriter output, TextWriter error, TimeProvider clock, Func<string, string?>? environment = null, bool? interactive = null, CancellationToken cancellation = default)
    {
        Output = output;
        Error = error;
        Clock = clock;
        Environment = environment ?? System.Environment.GetEnvironmentVariable;
        Cancellation = cancellation;
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

    /// <summary>Cancelled by Ctrl+C.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>
    /// Whether the command's work watches <see cref="Cancellation"/> (it took <see cref="Work"/>, as every engine and
    /// forecast the command line makes does): Ctrl+C then stops it with one line; until then — loading, importing, a
    /// demo's simulation, whose store writes are one transaction — Ctrl+C ends the process at once, as it always has.
    /// </summary>
    public bool WatchesCancellation => Volatile.Read(ref _watched);

    /// <summary>What the command's work may spend: cancelled by Ctrl+C, memory from the process's budget (read when first needed, so that a malformed budget is the command's one-line mistake).</summary>
    public WorkBudget Work
    {
        get
        {
            _work ??= MemoryBudgetOf(Environment).For(Cancellation);
            Volatile.Write(ref _watched, true);
            return _work;
        }
    }

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

    /// <summary>The process's memory budget: <see cref="MemoryBudgetVariable"/> megabytes if set, else the default share of the machine's memory.</summary>
    public static MemoryBudget MemoryBudgetOf(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var given = environment(MemoryBudgetVariable);
        if (string.IsNullOrWhiteSpace(given))
        {
            return MemoryBudget.ForProcess();
        }

        return long.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out var megabytes) && megabytes is > 0 and < long.MaxValue >> 20
            ? new MemoryBudget(megabytes << 20)
            : throw new UserErrorException($"{MemoryBudgetVariable}={given}: the memory budget is a whole number of megabytes, e.g. 4096");
    }

    /// <summary>
    /// The memory the process may use, in bytes: what the runtime says (the machine's memory, a container's limit, the
    /// hard heap limit it was started with), or less when the environment handed in says so — the runtime reads
    /// <see cref="HeapHardLimitVariable"/> only at start, and tests run the command line in-process.
    /// </summary>
    public long MemoryAvailable
    {
        get
        {
            var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
            var given = Environment(HeapHardLimitVariable)?.Trim();
            var hex = given is not null && given.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? given[2..] : given;
            return long.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var limit) && limit > 0
                ? Math.Min(limit, available)
                : available;
        }
    }

    /// <summary>An engine over the data whose queries stop on Ctrl+C and are refused past the memory budget.</summary>
    public IndicatorEngine Engine(Dataset data) => new IndicatorEngine(data).Within(Work);

    /// <summary>A forecast model fitted as of <paramref name="asOf"/>, whose fit and forecasts stop on Ctrl+C and are refused past the memory budget.</summary>
    public ForecastModel Fit(Dataset data, DateTimeOffset asOf) => ForecastModel.Fit(data, asOf, cancellation: Work.Cancellation).Within(Work);

    /// <summary>
    /// Forecast models of the data at any instants, sharing what they learn from history (<see cref="ForecastFits"/>:
    /// a plan's "now" and "a week earlier" pay for it once), each stopped on Ctrl+C and refused past the memory budget.
    /// </summary>
    public Func<DateTimeOffset, ForecastModel> Fits(Dataset data)
    {
        var fits = new ForecastFits(data);
        return asOf => fits.Fit(asOf, Work.Cancellation).Within(Work);
    }
}
