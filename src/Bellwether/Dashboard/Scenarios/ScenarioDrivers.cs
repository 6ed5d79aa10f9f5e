using System.Globalization;
using Bellwether.Core.Scenarios;
using Bellwether.Core.Slicing;

namespace Bellwether.Dashboard.Scenarios;

/// <summary>
/// A slider of the Scenarios page: the driver it changes (as <c>bellwether scenario new --set</c> names it), how a person
/// reads it, its range and step in whole units (percent, or reps), and what a value means. <paramref name="Sliceable"/>
/// when it acts on deals, so that it can be narrowed to a slice of them (a vertical's win rate); hires, churn and the
/// quota lift act on the company.
/// </summary>
public sealed record DriverSlider(string Kind, string Label, int Min, int Max, int Step, string Help, bool Sliceable = false)
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
/// The drivers as the Scenarios page's sliders hold them: changes for the whole company or for one slice of its deals
/// (<c>vertical=finance</c>, its <see cref="Scope"/>), each in whole units (percent, or AEs hired today), 0 for
/// unchanged. Turned into the <see cref="Scenario"/> the forecaster and the plans read, and read back from a saved one
/// where its changes are of the sliders' kinds.
/// </summary>
public sealed class ScenarioDrivers
{
    public static readonly IReadOnlyList<DriverSlider> Sliders =
    [
        new("win_rate", "Win rate", -30, 30, 5, "Each deal's chance of winning, scaled: +10% is a tenth more wins.", Sliceable: true),
        new("deal_size", "Deal size", -30, 30, 5, "What a won deal books.", Sliceable: true),
        new("cycle_length", "Sales cycle", -30, 50, 5, "How long deals take to close: the same deals close, later or sooner.", Sliceable: true),
        new("new_pipeline", "New pipeline", -50, 50, 5, "New deals created per day, from today.", Sliceable: true),
        new("inbound_leads", "Inbound leads", -50, 50, 5, "Inbound leads from today, and the deals they become."),
        new("churn", "Client churn", -50, 100, 5, "Each renewal's chance of being lost, and how fast revenue without a deal decays."),
        new("add_reps", "AEs hired today", 0, 10, 1, "New account executives starting today, ramping up as the company's reps do."),
        new("quota_lift", "Under-quota reps lifted to quota", 0, 100, 10, "The share of reps forecast under their bookings quota who reach it (50%: the better half)."),
    ];

    /// <summary>The scope of whole-company changes.</summary>
    public const string Company = "";

    /// <summary>Scopes first (the company before any slice), then kinds, so that the changes read in a stable order.</summary>
    private static readonly Comparer<(string Scope, string Kind)> Order = Comparer<(string Scope, string Kind)>.Create((a, b) =>
    {
        var byScope = string.CompareOrdinal(a.Scope, b.Scope);
        return byScope != 0 ? byScope : string.CompareOrdinal(a.Kind, b.Kind);
    });

    public static readonly ScenarioDrivers None = new(new SortedDictionary<(string, string), int>(Order), []);

    private readonly SortedDictionary<(string Scope, string Kind), int> _values;

    private ScenarioDrivers(SortedDictionary<(string Scope, string Kind), int> values, IReadOnlyList<DriverChange> others)
    {
        _values = values;
        Others = others;
    }

    /// <summary>A whole-company driver's value in whole units; 0 when unchanged.</summary>
    public int this[string kind] => this[Company, kind];

    /// <summary>A driver's value for a scope (<see cref="Company"/>, or a slice as <c>vertical=finance</c>); 0 when unchanged.</summary>
    public int this[string scope, string kind] => _values.GetValueOrDefault((scope, kind));

    /// <summary>The slices some driver is narrowed to, in order.</summary>
    public IReadOnlyList<string> Slices => [.. _values.Keys.Select(k => k.Scope).Where(s => s != Company).Distinct()];

    /// <summary>Changes that the sliders cannot show (a slice, dates, other drivers), kept as they were when read from a saved scenario.</summary>
    public IReadOnlyList<DriverChange> Others { get; }

    public bool IsBase => _values.Count == 0 && Others.Count == 0;

    /// <summary>The same drivers with one whole-company driver set (clamped to its slider's range).</summary>
    public ScenarioDrivers With(string kind, int value) => With(Company, kind, value);

    /// <summary>
    /// The same drivers with one set for a scope (clamped to its slider's range): <see cref="Company"/>, or one slice of
    /// the deals as <c>vertical=finance</c> for a slider that acts on deals.
    /// </summary>
    public ScenarioDrivers With(string scope, string kind, int value)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var slider = Sliders.FirstOrDefault(s => s.Kind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a driver of the sliders");
        if (scope != Company && (!slider.Sliceable || SliceOf(scope).Count != 1))
        {
            throw new ArgumentOutOfRangeException(nameof(scope), scope, $"{kind} cannot be narrowed to that slice");
        }

        var values = new SortedDictionary<(string Scope, string Kind), int>(_values, Order);
        value = Math.Clamp(value, slider.Min, slider.Max);
        if (value == 0)
        {
            values.Remove((scope, kind));
        }
        else
        {
            values[(scope, kind)] = value;
        }

        return new ScenarioDrivers(values, Others);
    }

    /// <summary>The scenario the drivers make; hires and new pipeline act from <paramref name="today"/>.</summary>
    public Scenario ToScenario(string name, DateOnly today) => new()
    {
        Name = name,
        Changes = [.. _values.Select(kv => Change(kv.Key.Kind, kv.Value, today) with { Slice = SliceOf(kv.Key.Scope) }), .. Others],
    };

    /// <summary>
    /// The sliders of a saved scenario: its changes of the sliders' kinds, for the whole company or for one slice of
    /// the deals; the rest (dates, several dimensions at once, other drivers) kept aside.
    /// </summary>
    public static ScenarioDrivers Of(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var values = new SortedDictionary<(string Scope, string Kind), int>(Order);
        var others = new List<DriverChange>();
        foreach (var change in scenario.Changes)
        {
            var scope = change.Slice.Count == 1 ? Scope(change.Slice.Single().Key, change.Slice.Single().Value) : Company;
            var fits = change.Slice.Count == 0 || (change.Slice.Count == 1 && Sliders.Any(s => s.Kind == change.Kind && s.Sliceable));
            if (Value(change) is { } value && fits && !values.ContainsKey((scope, change.Kind)))
            {
                values[(scope, change.Kind)] = value;
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
        string.Join(";", _values.Select(kv => $"{kv.Key.Scope}:{kv.Key.Kind}={kv.Value.ToString(CultureInfo.InvariantCulture)}").Concat(Others.Select(o => o.Describe())));

    /// <summary>The scope of one value of a dimension: <c>vertical=finance</c>.</summary>
    public static string Scope(string dimension, string value) => $"{dimension}={value}";

    /// <summary>
    /// A scope's slice: split at its first <c>=</c> only, so that a value with <c>=</c> or <c>;</c> in it (a vertical
    /// named "Health; Life") stays one value; empty for the company or for text that names no dimension.
    /// </summary>
    private static Dictionary<string, string> SliceOf(string scope)
    {
        var eq = scope.IndexOf('=', StringComparison.Ordinal);
        var dimension = eq > 0 ? scope[..eq] : "";
        return Core.Text.SnakeCase.TryParse<Dimension>(dimension, out _)
            ? new Dictionary<string, string> { [dimension] = scope[(eq + 1)..] }
            : [];
    }

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
