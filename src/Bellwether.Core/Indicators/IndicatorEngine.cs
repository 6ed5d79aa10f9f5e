using Bellwether.Core.Budget;
using Bellwether.Core.Data;
using Bellwether.Core.Indicators.Engine;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Core.Indicators;

/// <summary>
/// Computes indicators over one Dataset. Construction builds the columnar, indexed form once (seconds at a million
/// deals); every query after that reads it. Immutable and safe for concurrent queries: a caller keeps one engine per
/// version of a company's data and discards it when the data changes.
/// </summary>
public sealed class IndicatorEngine
{
    private static IndicatorFamily[] Families { get; } =
    [
        new Deals.DealIndicators(),
        new Pipeline.PipelineIndicators(),
        new Pipeline.TargetIndicators(),
        new Pipeline.CapacityIndicators(),
        new Activity.ActivityIndicators(),
        new Activity.StandardIndicators(),
        new Reps.QuotaIndicators(),
        new Leads.LeadIndicators(),
        new Finance.FinanceIndicators(),
        new Finance.RetentionIndicators(),
        new Verticals.VerticalTrendIndicator(),
        new Verticals.ServiceLineIndicator(),
    ];

    private static Dictionary<string, IndicatorFamily> FamilyOf { get; } = Families
        .SelectMany(f => f.Names.Select(n => (Name: n, Family: f)))
        .ToDictionary(x => x.Name, x => x.Family, StringComparer.OrdinalIgnoreCase);

    /// <summary>What one answer's row holds in memory, about: its figures, period, reason and a slice of two dimensions.</summary>
    private const long BytesPerRow = 1024;

    private readonly PreparedData _data;
    private readonly EngineCache _cache;
    private readonly WorkBudget _budget = WorkBudget.None;

    /// <summary>
    /// Rows one answer may hold: a year by rep and vertical per week is some 50,000; past this a table is no longer read
    /// by a person, and a rep × account × day answer (millions of rows, gigabytes) would starve every other request.
    /// </summary>
    public const int MaxRows = 200_000;

    public IndicatorEngine(Dataset dataset)
    {
        Dataset = dataset;
        _data = new PreparedData(dataset);
        _cache = new EngineCache(_data);
    }

    private IndicatorEngine(IndicatorEngine shared, WorkBudget budget)
    {
        Dataset = shared.Dataset;
        _data = shared._data;
        _cache = shared._cache;
        _budget = budget;
    }

    /// <summary>
    /// The same engine (its prepared data and caches), answering within one piece of work's budget: a query stops
    /// between periods when the budget's cancellation is cancelled, and is refused before it starts when its rows would
    /// not fit the memory budget. A shared engine stays unbounded; each request asks through its own view.
    /// </summary>
    public IndicatorEngine Within(WorkBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        return new IndicatorEngine(this, budget);
    }

    public Dataset Dataset { get; }

    /// <summary>Names this engine computes (every name of <see cref="IndicatorCatalog"/>).</summary>
    public static IReadOnlyCollection<string> Supported => FamilyOf.Keys;

    /// <summary>
    /// The rows of a query: for each indicator, each period (P, or its sub-periods at the query's grain) and each
    /// slice the indicator's data carries. Throws <see cref="ArgumentException"/> for a malformed query (more than two
    /// dimensions, a grain coarser than the period); everything else is answered in rows, with reasons.
    /// </summary>
    public IReadOnlyList<IndicatorRow> Run(IndicatorQuery query)
    {
        var periods = query.Grain is { } grain ? _data.Calendar.Split(query.Period, grain) : [query.Period];
        using var reservation = _budget.Memory.Reserve(
            Math.Min(EstimatedRows(query, periods.Count), MaxRows) * BytesPerRow,
            $"{string.Join(", ", query.Indicators)} over {query.Period}",
            "ask for a coarser grain, fewer dimensions, a shorter period or one slice");
        var rows = new List<IndicatorRow>();
        var done = 0;
        foreach (var name in query.Indicators)
        {
            foreach (var period in periods)
            {
                _budget.Cancellation.ThrowIfCancellationRequested();
                Compute(name.Trim(), period, query, rows);
                done++;
                if (rows.Count > MaxRows)
                {
                    throw ResultTooLargeException.For(query, rows.Count, done, periods.Count * query.Indicators.Count);
                }
            }
        }

        return rows;
    }

    /// <summary>The most rows a query can have: every combination of its dimensions' values in every period, for each indicator.</summary>
    private long EstimatedRows(IndicatorQuery query, int periods)
    {
        var groups = 1L;
        foreach (var dimension in query.By)
        {
            groups = Math.Min(groups * Math.Max(1, _data.Book.Cardinality(dimension)), MaxRows + 1L);
        }

        return Math.Min(groups * periods * Math.Max(1, query.Indicators.Count), MaxRows + 1L);
    }

    /// <summary>
    /// The values a dimension takes in this data, as slices name them (a rep's id, a vertical's name, <c>unknown</c> for
    /// a missing attribute), in the order first met; the enumerations (type, source, activity_type) list every value
    /// they can take. What a slice value is checked against, so that a typo is an error rather than a silent zero.
    /// </summary>
    public IReadOnlyList<string> Values(Dimension dimension)
    {
        var book = _data.Book;
        var values = new string[book.Cardinality(dimension)];
        for (var code = 0; code < values.Length; code++)
        {
            values[code] = book.Value(dimension, code);
        }

        return values;
    }

    /// <summary>
    /// The deals open at <paramref name="asOf"/>, with their state then (as <see cref="DealState.At"/> gives it) and the
    /// win probability weighted_pipeline gives them (stages.csv, else the CRM's while open, else the stage's historical
    /// win rate; null when none does). With <paramref name="closableIn"/>, only the deals closable_deals counts for that
    /// period as of the instant. Within the filter, if any. For the forecaster's stage-weighted baseline.
    /// </summary>
    public IReadOnlyList<OpenDeal> OpenDeals(DateTimeOffset asOf, Period? closableIn = null, IReadOnlyDictionary<Dimension, string>? filter = null)
    {
        filter ??= new Dictionary<Dimension, string>();
        var t = asOf.UtcTicks;
        var space = _cache.Slicing([], filter);
        var of = space.Map(Engine.Source.Deals).Of;
        var open = _cache.Open(t);
        var rates = _cache.StageRates(t);
        var closable = closableIn is { } period
            ? Pipeline.Closable.In(new Scope(_data, _cache, space, period, asOf, null, filter), period).IsClosable
            : null;
        var deals = _data.Deals;
        var result = new List<OpenDeal>();
        for (var k = 0; k < open.Rows.Length; k++)
        {
            var i = open.Rows[k];
            if (of[i] < 0 || (closable is not null && !closable[k]))
            {
                continue;
            }

            var p = rates.Probability(open.Stage[k], deals.Probability[i]);
            result.Add(new OpenDeal
            {
                OpportunityId = deals.Id[i],
                CreatedAt = new DateTimeOffset(deals.Created[i], TimeSpan.Zero),
                Stage = _data.Stages.Name(open.Stage[k]),
                Amount = open.Amount[k],
                ExpectedCloseDate = open.Expected[k] == DealTable.NoDay ? null : DateOnly.FromDayNumber(open.Expected[k]),
                WinProbability = double.IsNaN(p) ? null : p,
            });
        }

        return result;
    }

    private void Compute(string name, Period period, IndicatorQuery query, List<IndicatorRow> rows)
    {
        var definition = IndicatorCatalog.Find(name);
        var filterSlice = FilterSlice(query.Filter);
        IndicatorRow Lacking(string unit, string reason) => new()
        {
            Indicator = name,
            Period = period.Label,
            AsOf = query.AsOf,
            Slice = filterSlice,
            Unit = unit,
            MissingReason = reason,
        };

        if (definition is null || !FamilyOf.TryGetValue(name, out var family))
        {
            rows.Add(Lacking("", $"no indicator named \"{name}\""));
            return;
        }

        name = definition.Name;
        var unit = Text.SnakeCase.Name(definition.Unit);
        var absent = definition.Needs.FirstOrDefault(file => !Holds(file));
        if (absent is not null)
        {
            rows.Add(Lacking(unit, $"no {absent}"));
            return;
        }

        if (definition.MonthlyOnly && period.Grain < Grain.Month)
        {
            var file = definition.Needs.FirstOrDefault(f => f is "revenue.csv" or "expenses.csv") ?? "revenue.csv";
            rows.Add(Lacking(unit, $"{file} is monthly: {name} exists at month grain and above, not for {Text.SnakeCase.Name(period.Grain)} {period.Label}"));
            return;
        }

        var space = _cache.Slicing(family.FixedBy(name) ?? query.By, query.Filter, family.FiltersWhereCarried(name));
        var map = space.Map(family.SourceOf(name));
        var cannot = family.AlsoReads(name).Prepend(family.SourceOf(name)).Select(t => space.Map(t).CannotSlice).FirstOrDefault(r => r is not null);
        if (cannot is not null)
        {
            rows.Add(Lacking(unit, cannot));
            return;
        }

        var scope = new Scope(_data, _cache, space, period, query.AsOf, query.Target, query.Filter);
        var outcomes = Adjust(family.TimingOf(name), scope, family.Compute(name, scope));
        foreach (var g in space.DisplayOrder)
        {
            if (!map.Present[g])
            {
                continue;
            }

            var o = outcomes[g];
            rows.Add(new IndicatorRow
            {
                Indicator = name,
                Period = period.Label,
                AsOf = query.AsOf,
                Slice = space.Slice(g),
                Value = o.Missing is null ? o.Value : null,
                Unit = unit,
                Provisional = o.Missing is null && o.Provisional is not null,
                ProvisionalReason = o.Missing is null ? o.Provisional : null,
                MissingReason = o.Missing ?? (o.Value is null ? "no value" : null),
                Detail = o.Detail,
            });
        }
    }

    private static Outcome[] Adjust(Timing timing, Scope s, Outcome[] outcomes)
    {
        if (timing == Timing.Forward || s.T >= s.End)
        {
            return outcomes;
        }

        var asOf = Instants.Format(s.AsOf);
        if (timing == Timing.Flow && s.T <= s.Start)
        {
            return [.. outcomes.Select(_ => Outcome.Lacking($"{s.Period.Label} has not begun as of {asOf}"))];
        }

        var reason = timing == Timing.Flow
            ? $"{s.Period.Label} is not over as of {asOf}"
            : $"read as of {asOf}, before the end of {s.Period.Label}";
        return [.. outcomes.Select(o => o.WithProvisional(reason))];
    }

    /// <summary>Whether the company's data holds a file: listed in <see cref="Dataset.Files"/> or with rows loaded.</summary>
    private bool Holds(string file)
    {
        var d = Dataset;
        return d.Has(file) || file switch
        {
            "opportunities.csv" => d.Opportunities.Count > 0,
            "reps.csv" => d.Reps.Count > 0,
            "quotas.csv" => d.Quotas.Count > 0,
            "activities.csv" => d.ActivityDays.Count > 0,
            "standards.csv" => d.Standards.Count > 0,
            "leads.csv" => d.Leads.Count > 0,
            "revenue.csv" => d.Revenue.Count > 0,
            "expenses.csv" => d.Expenses.Count > 0,
            "opportunity_history.csv" => d.History.Count > 0,
            "accounts.csv" => d.Accounts.Count > 0,
            "stages.csv" => d.Stages.Count > 0,
            "plans.csv" => d.Plans.Count > 0,
            _ => false,
        };
    }

    private static Dictionary<string, string> FilterSlice(IReadOnlyDictionary<Dimension, string> filter) =>
        filter.OrderBy(f => f.Key).ToDictionary(f => Text.SnakeCase.Name(f.Key), f => f.Value);
}
