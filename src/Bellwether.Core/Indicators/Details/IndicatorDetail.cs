using System.Globalization;
using System.Text.Json.Serialization;

namespace Bellwether.Core.Indicators;

/// <summary>
/// The structure behind an indicator's value (rep lists, bands, a vertical's classification, a hiring date). In JSON a
/// detail is an object whose <c>kind</c> names its type; in CSV it flattens into <see cref="Lines"/>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ActivityStandardDetail), "activity_standard")]
[JsonDerivedType(typeof(QuotaDetail), "quota")]
[JsonDerivedType(typeof(AttainmentBandsDetail), "attainment_bands")]
[JsonDerivedType(typeof(WhatIfDetail), "what_if")]
[JsonDerivedType(typeof(RankingDetail), "ranking")]
[JsonDerivedType(typeof(VerticalTrendDetail), "vertical_trend")]
[JsonDerivedType(typeof(ServiceLineDetail), "service_line")]
[JsonDerivedType(typeof(TargetDetail), "target")]
[JsonDerivedType(typeof(HiringDetail), "hiring")]
[JsonDerivedType(typeof(ClosableDetail), "closable")]
[JsonDerivedType(typeof(SlippedDetail), "slipped")]
[JsonDerivedType(typeof(RampedRepDetail), "ramped_rep")]
public abstract record IndicatorDetail
{
    /// <summary>The detail as flat lines for CSV (see <see cref="IndicatorCsv"/>): figures first, then list items in order.</summary>
    public abstract IEnumerable<DetailLine> Lines();

    internal static string Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    internal static DetailLine Figure(string name, decimal? value) => new(name, 0, "", value, []);
}

/// <summary>
/// One line of a flattened detail: <see cref="List"/> names a figure (<c>target</c>) or a list (<c>below_standard</c>),
/// <see cref="Rank"/> is the 1-based position in the list (0 for a figure), <see cref="Item"/> the item's key (a
/// rep_id, a period), <see cref="Value"/> its headline number, and <see cref="Fields"/> the rest.
/// </summary>
public sealed record DetailLine(string List, int Rank, string Item, decimal? Value, IReadOnlyList<KeyValuePair<string, string>> Fields);
