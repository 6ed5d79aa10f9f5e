using Bellwether.Core.Forecasting;
using Bellwether.Core.Reporting;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Core.Variance;

/// <summary>
/// Bookings (of any deal type, or the slice asked for) split by the pipeline flow identity: for the deals open at the
/// period's start and for those created in it, bookings = deals × share closed in the period × win rate × average
/// deal size. The six drivers' Shapley values split the gap, per slice. For a period not over, the part over is split
/// so against the comparison's same days, and the rest is the forecast's P50 (its open pipeline and the pipeline not
/// yet created) against what the comparison booked after the same point. docs/variance.md.
/// </summary>
internal sealed class NewBusinessFamily : IExplainFamily
{
    public const string StartingPipeline = "starting_pipeline";
    public const string NewPipeline = "new_pipeline";
    public const string Slippage = "slippage";
    public const string Cycle = "cycle";
    public const string WinRate = "win_rate";
    public const string DealSize = "deal_size";
    public const string OpenPipeline = "open_pipeline";
    public const string NotYetCreated = "not_yet_created";

    private static readonly DriverDefinition[] Drivers =
    [
        new(StartingPipeline, "starting pipeline", Unit.Count),
        new(NewPipeline, "new pipeline", Unit.Count),
        new(Slippage, "starting pipeline closed", Unit.Ratio),
        new(Cycle, "new deals closed in the period", Unit.Ratio),
        new(WinRate, "win rate", Unit.Ratio),
        new(DealSize, "deal size", Unit.Money),
        new(OpenPipeline, "open pipeline still to close (forecast)", Unit.Money),
        new(NotYetCreated, "pipeline not yet created (forecast)", Unit.Money),
    ];

    public IReadOnlyList<Dimension> Usual { get; } = [Dimension.Vertical, Dimension.ServiceLine, Dimension.Source, Dimension.Rep];

    public string? CannotSlice(Dimension dimension) =>
        Attributes.DealsHave(dimension) ? null : $"deals cannot be split by {ExplainContext.Name(dimension)}";

    public Draft Explain(ExplainContext context, Dimension? by)
    {
        var flow = new DealFlow(context.View, context.Attributes, context.Filter, by);
        var period = context.Period;
        var cut = context.Over ? period.EndInstant : context.AsOf;
        var offset = cut - period.StartInstant;
        var actual = flow.Window(period, cut);
        var (comparison, implied) = Comparison(context, flow, by, context.Over ? null : offset);
        if (comparison is null)
        {
            return Draft.Lacking(implied);
        }

        Dictionary<string, (decimal Open, decimal New)>? forecast = null;
        string? basisNote = null;
        if (!context.Over)
        {
            if (!context.CanForecast)
            {
                return Draft.Lacking($"{period.Label} is not over as of {Instants.Format(context.AsOf)} and no forecast was given");
            }

            var projected = Forecast(context, by, actual);
            if (projected.Missing is { } why)
            {
                return Draft.Lacking(why);
            }

            forecast = projected.Remaining;
            basisNote = $"{period.Label} is not over as of {Instants.Format(context.AsOf)}: what closed in its first {Days(offset)} of {period.Days} days is actual, the rest is the forecast's P50 (as of the same instant)";
        }

        var toDate = offset > TimeSpan.Zero;
        var parts = new List<SlicePart>();
        foreach (var key in actual.Keys.Union(comparison.Keys).Union(forecast?.Keys ?? Enumerable.Empty<string>()).Order(StringComparer.Ordinal))
        {
            var a = actual.GetValueOrDefault(key) ?? new FlowFacts();
            var c = comparison.GetValueOrDefault(key) ?? new FlowFacts();
            var f = forecast?.GetValueOrDefault(key);
            parts.Add(new SlicePart(context.SliceOf(by, key), context.LabelOf(by, key), Identity(a, c, toDate, f), Values(a, c, f)));
        }

        var totalActual = Sum(actual.Values);
        var totalComparison = Sum(comparison.Values);
        var totalForecast = forecast is null ? ((decimal Open, decimal New)?)null : (forecast.Values.Sum(v => v.Open), forecast.Values.Sum(v => v.New));
        var decomposition = Decomposer.Run(parts, Drivers, Values(totalActual, totalComparison, totalForecast), 0, context.Plan?.Target, 0.01m);
        return new Draft
        {
            Decomposition = decomposition,
            Basis = context.Over ? Basis.Actual : Basis.ForecastP50,
            BasisNote = basisNote,
            By = by,
            Method = "bookings = Σ over the deals open at the period's start and those created in it of deals × share closed in the period × win rate × average deal size;"
                + " the gap is split between the drivers by their Shapley values (each driver's change averaged over every order of changing them), per slice"
                + (context.Over ? "" : "; for the part of the period not over, the forecast's open pipeline and pipeline not yet created against what the comparison booked after the same point")
                + (implied is { Length: > 0 } ? "; " + implied : ""),
            Facts = Facts(totalActual, totalComparison, context.Over),
        };
    }

    /// <summary>The comparison's flow per slice (a plan's implied one, scaled to its target), or null and why not.</summary>
    /// <param name="context">The request.</param>
    /// <param name="flow">The deals.</param>
    /// <param name="by">The split.</param>
    /// <param name="offset">For a period not over, how far into it the as-of instant is: the comparison is cut as far into its own period.</param>
    private static (Dictionary<string, FlowFacts>? Flow, string Note) Comparison(ExplainContext context, DealFlow flow, Dimension? by, TimeSpan? offset)
    {
        DateTimeOffset Cut(Period p) => offset is { } o ? p.StartInstant + o : p.EndInstant;

        if (context.ComparisonPeriod is { } other)
        {
            var source = context.AgainstBaseline ? new DealFlow(context.ComparisonView, context.ComparisonAttributes, context.Filter, by) : flow;
            if (!source.HasDataBefore(other.EndInstant))
            {
                return (null, $"no deals before the end of {other.Label} to compare with");
            }

            return (source.Window(other, Cut(other)), "");
        }

        var plan = context.Plan!;
        var trailing = context.TrailingYear(null).Where(p => flow.HasDataBefore(p.StartInstant)).ToList();
        if (trailing.Count == 0)
        {
            return (null, $"no deals before {context.Period.Label} to imply the plan's drivers from");
        }

        var average = new Dictionary<string, FlowFacts>(StringComparer.Ordinal);
        var full = 0m;
        foreach (var p in trailing)
        {
            foreach (var (key, facts) in flow.Window(p, Cut(p)))
            {
                var sum = average.TryGetValue(key, out var s) ? s : average[key] = new FlowFacts();
                sum.Add(facts, 1m / trailing.Count);
                full += (facts.Booked + facts.Rest) / trailing.Count;
            }
        }

        if (full == 0)
        {
            return (null, $"nothing was booked in the year before {context.Period.Label} ({trailing[^1].Label} to {trailing[0].Label}): the plan's drivers cannot be implied");
        }

        // The plan keeps the trailing year's timing, win rate and deal size; its volume is what reaches the target.
        var k = plan.Target / full;
        var note = $"the plan's drivers are implied: the average of {trailing[^1].Label} to {trailing[0].Label} per slice (timing, win rate, deal size), with its pipeline scaled ×{Math.Round(k, 3)} to reach the target";
        return (average.ToDictionary(kv => kv.Key, kv => kv.Value.ScaledVolume(k), StringComparer.Ordinal), note);
    }

    /// <summary>
    /// The forecast's rest of the period per slice: its P50 less what has closed, shared among slices as their expected
    /// open-pipeline and not-yet-created parts are (quantiles do not add up; means do).
    /// </summary>
    private static (Dictionary<string, (decimal Open, decimal New)> Remaining, string? Missing) Forecast(ExplainContext context, Dimension? by, Dictionary<string, FlowFacts> actual)
    {
        var model = context.Forecast;
        var metric = ForecastIndicators.Bookings;
        var total = model.Forecast(new ForecastQuery { Indicators = [metric], Period = context.Period, Filter = context.Filter }).Single();
        if (total.P50 is not { } p50)
        {
            return ([], $"no forecast of bookings for {context.Period.Label}: {total.MissingReason}");
        }

        var rows = by is { } d
            ? model.Forecast(new ForecastQuery { Indicators = [metric], Period = context.Period, Filter = context.Filter, By = [d] })
            : [total];
        var missing = rows.FirstOrDefault(r => r.Parts is null);
        if (missing is not null)
        {
            return ([], $"no forecast of bookings by {(by is { } dim ? ExplainContext.Name(dim) : "slice")}: {missing.MissingReason}");
        }

        var name = by is { } dimension ? ExplainContext.Name(dimension) : null;
        var means = rows.ToDictionary(
            r => name is null ? "" : r.Slice.GetValueOrDefault(name, Attributes.Unknown),
            r => (Open: r.Parts!.GetValueOrDefault("open_pipeline"), New: r.Parts!.GetValueOrDefault("not_yet_created")),
            StringComparer.Ordinal);
        var rest = p50 - actual.Values.Sum(f => f.Booked);
        var meanRest = means.Values.Sum(m => m.Open + m.New);
        var result = new Dictionary<string, (decimal Open, decimal New)>(StringComparer.Ordinal);
        foreach (var (key, m) in means)
        {
            var share = meanRest == 0 ? 0 : (m.Open + m.New) / meanRest;
            var part = rest * share;
            var open = m.Open + m.New == 0 ? 0 : part * m.Open / (m.Open + m.New);
            result[key] = (open, part - open);
        }

        return (result, meanRest == 0 && rest != 0 ? $"the forecast of {context.Period.Label} expects nothing more to close, yet its P50 is not what has closed" : null);
    }

    private static Identity Identity(FlowFacts a, FlowFacts c, bool toDate, (decimal Open, decimal New)? rest)
    {
        var identity = new Identity();
        if (toDate)
        {
            identity.Add(
                new Factor(StartingPipeline, c.StartPool, a.StartPool),
                Ratio(Slippage, c.StartClosed, c.StartPool, a.StartClosed, a.StartPool),
                Ratio(WinRate, c.StartWon, c.StartClosed, a.StartWon, a.StartClosed),
                Ratio(DealSize, c.StartBooked, c.StartWon, a.StartBooked, a.StartWon));
            identity.Add(
                new Factor(NewPipeline, c.NewPool, a.NewPool),
                Ratio(Cycle, c.NewClosed, c.NewPool, a.NewClosed, a.NewPool),
                Ratio(WinRate, c.NewWon, c.NewClosed, a.NewWon, a.NewClosed),
                Ratio(DealSize, c.NewBooked, c.NewWon, a.NewBooked, a.NewWon));
        }

        if (rest is { } r)
        {
            identity.Add(new Factor(OpenPipeline, c.RestFromOpen, r.Open));
            identity.Add(new Factor(NotYetCreated, c.RestFromNew, r.New));
        }

        return identity;
    }

    /// <summary>
    /// A ratio factor. A ratio whose denominator is 0 on one side (no deals closed there) takes the other side's value:
    /// that side's term is 0 through its zero count whatever the ratio, so the change is carried by the count, and the
    /// ratio moves nothing it did not move. Undefined on both sides, it is 0 (the term is 0 at both ends).
    /// </summary>
    private static Factor Ratio(string driver, decimal fromNumerator, decimal fromDenominator, decimal toNumerator, decimal toDenominator)
    {
        decimal? from = fromDenominator == 0 ? null : fromNumerator / fromDenominator;
        decimal? to = toDenominator == 0 ? null : toNumerator / toDenominator;
        return new Factor(driver, from ?? to ?? 0, to ?? from ?? 0);
    }

    private static Dictionary<string, DriverValues> Values(FlowFacts a, FlowFacts c, (decimal Open, decimal New)? rest)
    {
        var values = new Dictionary<string, DriverValues>(StringComparer.Ordinal)
        {
            [StartingPipeline] = new(Round(c.StartPool, 4), Round(a.StartPool, 4)),
            [NewPipeline] = new(Round(c.NewPool, 4), Round(a.NewPool, 4)),
            [Slippage] = new(Share(c.StartClosed, c.StartPool), Share(a.StartClosed, a.StartPool)),
            [Cycle] = new(Share(c.NewClosed, c.NewPool), Share(a.NewClosed, a.NewPool)),
            [WinRate] = new(Share(c.Won, c.Closed), Share(a.Won, a.Closed)),
            [DealSize] = new(Money(c.Booked, c.Won), Money(a.Booked, a.Won)),
        };
        if (rest is { } r)
        {
            values[OpenPipeline] = new(Round(c.RestFromOpen, 2), Round(r.Open, 2));
            values[NotYetCreated] = new(Round(c.RestFromNew, 2), Round(r.New, 2));
        }

        return values;
    }

    private static List<Fact> Facts(FlowFacts a, FlowFacts c, bool over)
    {
        var facts = new List<Fact>();
        if (over)
        {
            facts.Add(new Fact { Name = "slipped_deals", Label = "deals expected to close in the period at its start that slipped past it", Unit = Unit.Count, From = Round(c.Slipped, 2), To = a.Slipped });
            facts.Add(new Fact { Name = "slipped_amount", Label = "the amount of those deals", Unit = Unit.Money, From = Round(c.SlippedAmount, 2), To = a.SlippedAmount });
        }

        facts.Add(new Fact { Name = "cycle_days", Label = "mean days from creation to win, over the deals won", Unit = Unit.Days, From = Days(c.WonCycleDays, c.Won), To = Days(a.WonCycleDays, a.Won) });
        facts.Add(new Fact { Name = "won_deals", Label = "deals won", Unit = Unit.Count, From = Round(c.Won, 2), To = a.Won });
        facts.Add(new Fact { Name = "closed_deals", Label = "deals won or lost", Unit = Unit.Count, From = Round(c.Closed, 2), To = a.Closed });
        return facts;
    }

    private static FlowFacts Sum(IEnumerable<FlowFacts> all)
    {
        var sum = new FlowFacts();
        foreach (var f in all)
        {
            sum.Add(f);
        }

        return sum;
    }

    private static decimal? Share(decimal numerator, decimal denominator) => denominator == 0 ? null : Math.Round(numerator / denominator, 6);

    private static decimal? Money(decimal numerator, decimal denominator) => denominator == 0 ? null : Math.Round(numerator / denominator, 2);

    private static decimal? Days(decimal days, decimal count) => count == 0 ? null : Math.Round(days / count, 1);

    private static decimal Round(decimal value, int decimals) => Math.Round(value, decimals);

    private static string Days(TimeSpan span) => Math.Round(span.TotalDays, 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
