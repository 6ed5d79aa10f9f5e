using Bellwether.Core.Scenarios;

namespace Bellwether.Core.Forecasting;

/// <summary>
/// How one forecast row moves from the first scenario to the second: the change of its P50 and of its mean, and the
/// change of the mean step by step (<see cref="ByDriver"/>): first the first scenario's own changes undone, last one
/// first, then the second's applied in order (changes both share stay throughout). The steps add up exactly to
/// <see cref="MeanChange"/>; P50s do not add, so they are given for the whole move only.
/// </summary>
public sealed record ScenarioDifference
{
    public required string Indicator { get; init; }

    public required string Period { get; init; }

    public required IReadOnlyDictionary<string, string> Slice { get; init; }

    public decimal? FirstP50 { get; init; }

    public decimal? SecondP50 { get; init; }

    public decimal? P50Change { get; init; }

    public decimal? MeanChange { get; init; }

    public required IReadOnlyList<DriverEffect> ByDriver { get; init; }
}
