namespace Bellwether.Services;

/// <summary>
/// The bounds of what one request may cost the host: an upload's size, and how many heavy requests (forecasts,
/// what-ifs, plan status, explanations, backtests, exports, imports) run at once — the rest wait in a queue, and past it
/// are answered 429, so that light requests (indicators, status, the dashboard) keep being answered while someone asks
/// for much. Each API request also has a time budget (past it the work stops and the answer is 503), and the engine's
/// work together a memory budget (work that would not fit is refused before it starts).
/// </summary>
public sealed record ApiLimits
{
    /// <summary>The rate-limiting policy of the heavy endpoints.</summary>
    public const string Heavy = "heavy";

    /// <summary>One upload's body: 32 MB — a zipped company of a few hundred MB of CSV.</summary>
    public long MaxUploadBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Heavy requests computed at once: one per core (at least two).</summary>
    public int HeavyConcurrency { get; init; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Heavy requests waiting their turn before more are refused.</summary>
    public int HeavyQueue { get; init; } = 64;

    /// <summary>The default <see cref="TimeBudget"/>: 30 s — a forecast fit at ten times the demo company's size takes a few.</summary>
    public static readonly TimeSpan DefaultTimeBudget = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one API request may compute (waiting for a shared fit included) before its work is stopped and it is
    /// answered 503. Imports are not bounded by it (their upload is, by <see cref="MaxUploadBytes"/>).
    /// </summary>
    public TimeSpan TimeBudget { get; init; } = DefaultTimeBudget;

    /// <summary>The memory the engine's work may hold at once, in bytes; null: <see cref="Core.Budget.MemoryBudget.ForProcess"/>.</summary>
    public long? MemoryBytes { get; init; }

    /// <summary>The one line a request past its budget is answered with, on the API and the dashboard alike.</summary>
    public static string Exceeded(TimeSpan budget) =>
        $"the answer took longer than the {Seconds(budget)} a request may compute, and was stopped: ask for a shorter period, a coarser grain, fewer dimensions or indicators, or one slice (the budget is set with serve --time-budget)";

    private static string Seconds(TimeSpan budget) => budget.TotalSeconds >= 1 ? $"{budget.TotalSeconds:0.#} s" : $"{budget.TotalMilliseconds:0} ms";
}
