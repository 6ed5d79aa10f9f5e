using System.Globalization;

namespace Bellwether.Core.Scenarios;

/// <summary>
/// Deals of the slice win more (or less) often: <see cref="Relative"/> scales each deal's chance of winning (+0.10 is
/// 10% more wins), <see cref="Absolute"/> moves the slice's win rate by points (+0.05 takes 25% to 30%, which scales
/// each chance by 30/25). Chances never exceed 1. Acts on wins in months inside [From, To).
/// </summary>
public sealed record WinRateChange : DriverChange
{
    public double? Relative { get; init; }

    public double? Absolute { get; init; }

    public override string Kind => "win_rate";

    [System.Text.Json.Serialization.JsonIgnore]
    public override bool Timed => false;

    public override string Describe() => Absolute is { } a
        ? $"win_rate {(a >= 0 ? "+" : "")}{(a * 100).ToString("0.#", CultureInfo.InvariantCulture)} points{Where()}{When()}"
        : $"win_rate {Percent(Relative ?? 0)}{Where()}{When()}";
}
