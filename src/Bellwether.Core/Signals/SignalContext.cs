using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.Time;

namespace Bellwether.Core.Signals;

/// <summary>
/// What a pillar's signals are read from: the engine over the company's data, the instant of knowledge, the period
/// under watch (by default the fiscal quarter containing it) and the plans as they stood at that instant.
/// </summary>
public sealed record SignalContext
{
    public required IndicatorEngine Engine { get; init; }

    /// <summary>Only what was known strictly before this instant is used.</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>The period the signals look at, usually the current fiscal quarter.</summary>
    public required Period Period { get; init; }

    /// <summary>The plans as they stood at <see cref="AsOf"/>.</summary>
    public IReadOnlyList<PlanLine> Plans { get; init; } = [];

    /// <summary>The company's reporting currency, for the summaries' money.</summary>
    public string Currency => Engine.Dataset.Settings.Currency;
}
