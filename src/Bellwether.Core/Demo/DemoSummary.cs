namespace Bellwether.Core.Demo;

/// <summary>What <see cref="DemoCompany.Generate"/> wrote: rows per file (header excluded) and the span of history.</summary>
public sealed record DemoSummary
{
    public required IReadOnlyDictionary<string, long> Rows { get; init; }

    public required DateOnly HistoryStart { get; init; }

    /// <summary>The first instant after history: the company's "now".</summary>
    public required DateTimeOffset Now { get; init; }
}
