using Bellwether.Core.Accounts;
using Bellwether.Core.Data;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Indicators;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Core.Time;

namespace Bellwether.Core.Variance;

/// <summary>What every family of explanation reads: the request, the data as known at its instant, and the comparison.</summary>
internal sealed class ExplainContext
{
    private readonly Func<ForecastModel>? _forecast;
    private ForecastModel? _model;

    public ExplainContext(IndicatorEngine engine, ExplainRequest request, Func<ForecastModel>? forecast, IReadOnlyList<EngagementSignal> engagement, IndicatorEngine? baseline = null)
    {
        Engine = engine;
        Request = request;
        View = engine.Dataset.AsOf(request.AsOf);
        Attributes = new Attributes(engine.Dataset);
        Engagement = engagement;
        Filter = request.Filter;
        _forecast = forecast;
        ComparisonEngine = baseline ?? engine;
        ComparisonView = baseline is null ? View : baseline.Dataset.AsOf(request.AsOf);
        ComparisonAttributes = baseline is null ? Attributes : new Attributes(baseline.Dataset);
    }

    public IndicatorEngine Engine { get; }

    /// <summary>The engine the comparison is read from: the same one, or a baseline's.</summary>
    public IndicatorEngine ComparisonEngine { get; }

    /// <summary>The data the comparison is read from, as known at the instant: <see cref="View"/>, or a baseline's.</summary>
    public Dataset ComparisonView { get; }

    public Attributes ComparisonAttributes { get; }

    /// <summary>Whether the comparison is another version of the company (same period) rather than another period or a plan.</summary>
    public bool AgainstBaseline => Request.Against == Against.Baseline;

    public ExplainRequest Request { get; }

    /// <summary>The data as known at the as-of instant.</summary>
    public Dataset View { get; }

    public Attributes Attributes { get; }

    public IReadOnlyList<EngagementSignal> Engagement { get; }

    public FiscalCalendar Calendar => Engine.Dataset.Settings.Calendar;

    public string Currency => Engine.Dataset.Settings.Currency;

    public Period Period => Request.Period;

    public DateTimeOffset AsOf => Request.AsOf;

    /// <summary>Whether the period was over at the as-of instant.</summary>
    public bool Over => AsOf >= Period.EndInstant;

    /// <summary>The slice explained: the request's, or the one its plan is for.</summary>
    public IReadOnlyDictionary<Dimension, string> Filter { get; set; }

    /// <summary>The plan, when explaining against one.</summary>
    public PlanTarget? Plan { get; set; }

    public List<string> Notes { get; } = [];

    /// <summary>The period compared with, for previous and last year; null for a plan.</summary>
    public Period? ComparisonPeriod => Request.Against switch
    {
        Against.Previous => Calendar.Previous(Period),
        Against.LastYear => Calendar.YearEarlier(Period),
        Against.Baseline => Period,
        _ => null,
    };

    public string ComparisonLabel => Request.Against switch
    {
        Against.Plan => "plan",
        Against.Baseline => "baseline",
        _ => ComparisonPeriod!.Value.Label,
    };

    /// <summary>Whether a forecast can be had (the caller gave a way to fit one).</summary>
    public bool CanForecast => _forecast is not null;

    /// <summary>The forecast as of the instant, fitted once on first use.</summary>
    public ForecastModel Forecast => _model ??= (_forecast ?? throw new InvalidOperationException("no forecast was given"))();

    /// <summary>
    /// The periods of the explained period's grain that make up the year before it (4 quarters, 12 months, 1 year), whose
    /// averages give a plan its implied drivers; those that start before <paramref name="dataStart"/> are left out.
    /// </summary>
    public IReadOnlyList<Period> TrailingYear(DateTimeOffset? dataStart)
    {
        var result = new List<Period>();
        var yearBefore = Period.Start.AddYears(-1);
        for (var p = Calendar.Previous(Period); p.Start >= yearBefore; p = Calendar.Previous(p))
        {
            if (dataStart is null || p.StartInstant >= dataStart)
            {
                result.Add(p);
            }
        }

        return result;
    }

    /// <summary>The slice in words for a summary: "new-business", "finance".</summary>
    public string SliceWords() => string.Join(' ', Filter.OrderBy(f => f.Key).Select(f => f.Value.Replace('_', '-')));

    /// <summary>The dimension's snake_case name.</summary>
    public static string Name(Dimension dimension) => SnakeCase.Name(dimension);

    /// <summary>A slice of the split as the rows write it: the filter plus the split's value.</summary>
    public IReadOnlyDictionary<string, string> SliceOf(Dimension? by, string value)
    {
        var slice = Filter.ToDictionary(f => Name(f.Key), f => f.Value, StringComparer.Ordinal);
        if (by is { } d)
        {
            slice[Name(d)] = value;
        }

        return slice;
    }

    public string LabelOf(Dimension? by, string value) => by is { } d ? Attributes.Label(d, value) : "";
}
