using System.Globalization;
using Bellwether.Core.Scenarios;

namespace Bellwether.Dashboard.Scenarios;

/// <summary>
/// A slider of the Scenarios page: the driver it changes (as <c>bellwether scenario new --set</c> names it), how a person
/// reads it, its range and step in whole units (percent, or reps), and what a value means.
/// </summary>
public sealed record DriverSlider(string Kind, string Label, int Min, int Max, int Step, string Help)
{
    /// <summary>A value as the slider's label says it: "+10%", "3 AEs".</summary>
    public string Say(int value) => Kind switch
    {
        "add_reps" => value == 1 ? "1 AE" : $"{value} AEs",
        "quota_lift" => $"{value}%",
        _ => (value > 0 ? "+" : value < 0 ? "−" : "") + Math.Abs(value).ToString(CultureInfo.InvariantCulture) + "%",
    };
}

/// <summary>
/// The drivers as the Scenarios page's sliders hold them: whole-company changes, each in whole units (percent, or AEs
/// hired today), 0 for unchanged. Turned into the <see cref="Scenario"/> the forecaster and the plans read, and read
/// back from a saved one where its changes are of the sliders' kinds.
/// </summary>
public sealed class ScenarioDrivers
{
    public static readonly IReadOnlyList<DriverSlider> Sliders =
    [
        new("win_rate", "Win rate", -30, 30, 5, "Each deal's chance of winning, scaled: +10% is a tenth more wins."),
        new("deal_size", "Deal size", -30, 30, 5, "What a won deal books."),
        new("cycle_length", "Sales cycle", -30, 50, 5, "How long deals take to close: the same deals close, later or sooner."),
        new("new_pipeline", "New pipeline", -50, 50, 5, "New deals created per day, from today."),
        new("inbound_leads", "Inbound leads", -50, 50, 5, "Inbound leads from today, and the deals they become."),
        new("churn", "Client churn", -50, 100, 5, "Each renewal's chance of being lost, and how fast revenue without a deal decays."),
        new("add_reps", "AEs hired today", 0, 10, 1, "New account executives starting today, ramping up as the company's reps do."),
        new("quota_lift", "Under-quota reps lifted to quota", 0, 100, 10, "The share of reps forecast under their bookings quota who reach it (50%: the better half)."),
    ];

    public static readonly ScenarioDrivers None = new(new SortedDictionary<string, int>(StringComparer.Ordinal), []);

    private readonly SortedDictionary<string, int> _values;

    private ScenarioDrivers(SortedDictionary<string, int> values, IReadOnlyList<DriverChange> others)
    {
        _values = values;
        Others = others;
    }

    /// <summary>A driver's value in whole units; 0 when unchanged.</summary>
    public int this[string kind] => _values.GetValueOrDefault(kind);

    /// <summary>Changes that the sliders cannot show (a slice, dates, other drivers), kept as they were when read from a saved scenario.</summary>
    public IReadOnlyList<DriverChange> Others { get; }

    public bool IsBase => _values.Count == 0 && Others.Count == 0;

    /// <summary>The same drivers with one set (clamped to its slider's range).</summary>
    public ScenarioDrivers With(string kind, int value)
    {
        var slider = Sliders.FirstOrDefault(s => s.Kind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a driver of the sliders");
        var values = new SortedDictionary<string, int>(_values, StringComparer.Ordinal);
        value = Math.Clamp(value, slider.Min, slider.Max);
        if (value == 0)
        {
            values.Remove(kind);
        }
        else
        {
            values[kind] = value;
        }

        return new ScenarioDrivers(values, Others);
    }

    /// <summary>The scenario the drivers make; hires and new pipeline act from <paramref name="today"/>.</summary>
    public Scenario ToScenario(string name, DateOnly today) => new()
    {
        Name = name,
        Changes = [.. _values.Select(kv => Change(kv.Key, kv.Value, today)), .. Others],
    };

    /// <summary>The sliders of a saved scenario: its whole-company changes of the sliders' kinds; the rest kept aside.</summary>
    public static ScenarioDrivers Of(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var values = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var others = new List<DriverChange>();
        foreach (var change in scenario.Changes)
        {
            if (Value(change) is { } value && change.Slice.Count == 0 && !values.ContainsKey(change.Kind))
            {
                values[change.Kind] = value;
            }
            else
            {
                others.Add(change);
            }
        }

        return new ScenarioDrivers(values, others);
    }

    /// <summary>One line for a cache key and a page's load key: the values in order, and the other changes.</summary>
    public override string ToString() =>
        string.Join(";", _values.Select(kv => $"{kv.Key}={kv.Value.ToString(CultureInfo.InvariantCulture)}").Concat(Others.Select(o => o.Describe())));

    private static DriverChange Change(string kind, int value, DateOnly today)
    {
        var relative = value / 100.0;
        return kind switch
        {
            "win_rate" => new WinRateChange { Relative = relative },
            "deal_size" => new DealSizeChange { Relative = relative },
            "cycle_length" => new CycleLengthChange { Relative = relative },
            "new_pipeline" => new NewPipelineChange { Relative = relative, From = today },
            "inbound_leads" => new InboundLeadsChange { Relative = relative, From = today },
            "churn" => new ChurnChange { Relative = relative },
            "add_reps" => new AddRepsChange { Count = value, Start = today },
            "quota_lift" => new QuotaLiftChange { Share = relative },
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a driver of the sliders"),
        };
    }

    /// <summary>A saved change as a slider's value, when it is one a slider makes (no end date; a relative win rate).</summary>
    private static int? Value(DriverChange change) => change.To is not null ? null : change switch
    {
        WinRateChange { Relative: { } r, Absolute: null } => Percent(r),
        DealSizeChange d => Percent(d.Relative),
        CycleLengthChange c => Percent(c.Relative),
        NewPipelineChange n => Percent(n.Relative),
        InboundLeadsChange i => Percent(i.Relative),
        ChurnChange c => Percent(c.Relative),
        AddRepsChange { RampMonths: null, Team: null, Role: Core.Reps.RepRole.Ae } a => a.Count,
        QuotaLiftChange q => Percent(q.Share),
        _ => null,
    };

    private static int Percent(double fraction) => (int)Math.Round(fraction * 100, MidpointRounding.AwayFromZero);
}
