namespace Bellwether.Web;

/// <summary>
/// The bounds of what one request may cost the host: an upload's size, and how many heavy requests (forecasts,
/// what-ifs, plan status, explanations, backtests, exports, imports) run at once — the rest wait in a queue, and past it
/// are answered 429, so that light requests (indicators, status, the dashboard) keep being answered while someone asks
/// for much.
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
}
