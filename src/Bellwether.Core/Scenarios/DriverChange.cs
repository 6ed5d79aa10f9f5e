using System.Text.Json.Serialization;

namespace Bellwether.Core.Scenarios;

/// <summary>
/// One change to a driver of the forecast. <see cref="Slice"/> narrows it to deals of a slice (snake_case dimension →
/// value, as in plans.csv: <c>{"vertical": "finance"}</c>); empty is the whole company. <see cref="From"/> and
/// <see cref="To"/> (inclusive start, exclusive end) bound when it acts, where the driver has a time; null is open-ended.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "driver")]
[JsonDerivedType(typeof(WinRateChange), "win_rate")]
[JsonDerivedType(typeof(DealSizeChange), "deal_size")]
[JsonDerivedType(typeof(CycleLengthChange), "cycle_length")]
[JsonDerivedType(typeof(NewPipelineChange), "new_pipeline")]
[JsonDerivedType(typeof(InboundLeadsChange), "inbound_leads")]
[JsonDerivedType(typeof(ActivityChange), "activity")]
[JsonDerivedType(typeof(AddRepsChange), "add_reps")]
[JsonDerivedType(typeof(RemoveRepChange), "remove_rep")]
[JsonDerivedType(typeof(QuotaLiftChange), "quota_lift")]
[JsonDerivedType(typeof(ChurnChange), "churn")]
[JsonDerivedType(typeof(ExpenseChange), "expense")]
public abstract record DriverChange
{
    public IReadOnlyDictionary<string, string> Slice { get; init; } = new Dictionary<string, string>();

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>The driver's name, as the JSON's "driver" discriminator writes it, e.g. <c>win_rate</c>.</summary>
    [JsonIgnore]
    public abstract string Kind { get; }

    /// <summary>A short description for comparisons, e.g. "win_rate +10% (vertical=finance)".</summary>
    public abstract string Describe();

    /// <summary>Whether the change acts on a day (inside [From, To)).</summary>
    public bool ActsOn(DateOnly day) => (From is null || day >= From) && (To is null || day < To);

    /// <summary>
    /// Whether the driver acts between dates. A change to win rate, deal size, cycle length, churn or quotas changes the
    /// chances or sizes of every deal the forecast simulates, whatever its dates; those drivers take none.
    /// </summary>
    [JsonIgnore]
    public virtual bool Timed => true;

    /// <summary>The first day the change acts on; null when it acts from the start.</summary>
    [JsonIgnore]
    public virtual DateOnly? FirstDay => From;

    /// <summary>Whether the change acts on any day of [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public bool ActsWithin(DateOnly start, DateOnly end) => !Timed || ((FirstDay is null || FirstDay < end) && (To is null || To > start));

    protected string Where() => Slice.Count == 0 ? "" : $" ({Slicing.SliceText.Format(Slice)})";

    protected string When() => (From, To) switch
    {
        (null, null) => "",
        ({ } f, null) => $" from {f:yyyy-MM-dd}",
        (null, { } t) => $" until {t:yyyy-MM-dd}",
        ({ } f, { } t) => $" {f:yyyy-MM-dd}..{t:yyyy-MM-dd}",
    };

    protected static string Percent(double relative) =>
        (relative >= 0 ? "+" : "") + (relative * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
