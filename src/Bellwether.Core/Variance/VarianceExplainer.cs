using Bellwether.Core.Accounts;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Indicators;
using Bellwether.Core.Reporting;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Core.Time;

namespace Bellwether.Core.Variance;

/// <summary>
/// Explains a metric's gap against its plan, the previous period or the same period a year earlier: the gap split into
/// driver contributions that add up to it exactly, by slice, with a ten-second summary. Pure: data in, explanation out.
/// Method: docs/variance.md.
/// <code>
/// var engine = new IndicatorEngine(dataset);
/// var why = VarianceExplainer.Explain(engine, new ExplainRequest { Metric = "bookings", Period = q3, AsOf = now }, () => ForecastModel.Fit(dataset, now));
/// Console.WriteLine(why.Summary);   // "2026-Q3 new-business bookings 8.0% under plan ($4.1M against $4.5M): win rate in finance −12.0 pts (−$90k) …"
/// </code>
/// </summary>
public static class VarianceExplainer
{
    /// <summary>The metrics with drivers of their own; every other additive indicator is explained by slice.</summary>
    public static IReadOnlyList<string> DriverMetrics { get; } = ["bookings", "expansion_bookings", "new_pipeline", "grr", "nrr", "logo_churn", "expansion_revenue", "operating_margin"];

    /// <summary>Every metric explain takes: those with drivers, then the additive indicators.</summary>
    public static IReadOnlyList<string> Metrics { get; } =
        [.. DriverMetrics, .. IndicatorCatalog.All.Where(d => d.Additive && !DriverMetrics.Contains(d.Name)).Select(d => d.Name)];

    /// <param name="engine">The indicators engine over the company's data (its Dataset is what is explained).</param>
    /// <param name="request">What to explain.</param>
    /// <param name="forecast">Fits the forecast as of the request's instant, for a period not over; called at most once, and only then.</param>
    /// <param name="engagement">Engagement events, when the engine's Dataset was loaded without them; null to use the Dataset's.</param>
    public static Explanation Explain(IndicatorEngine engine, ExplainRequest request, Func<ForecastModel>? forecast = null, IReadOnlyList<EngagementSignal>? engagement = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Against == Against.Baseline)
        {
            throw new ArgumentException("a baseline comparison needs the baseline's data: use AgainstBaseline", nameof(request));
        }

        return Run(engine, request, forecast, engagement, null);
    }

    /// <summary>
    /// Explains the gap between two versions of one company over the same period, as known at the same instant — a
    /// simulated shock against the run without it, data after a correction against before — split into the same drivers
    /// as against an earlier period. The period must be over at the request's instant.
    /// </summary>
    /// <param name="engine">The version explained.</param>
    /// <param name="baseline">The version it is compared with.</param>
    /// <param name="request">What to explain; its <see cref="ExplainRequest.Against"/> is taken as <see cref="Against.Baseline"/>.</param>
    public static Explanation AgainstBaseline(IndicatorEngine engine, IndicatorEngine baseline, ExplainRequest request)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(request);
        return Run(engine, request with { Against = Against.Baseline }, null, null, baseline);
    }

    private static Explanation Run(IndicatorEngine engine, ExplainRequest request, Func<ForecastModel>? forecast, IReadOnlyList<EngagementSignal>? engagement, IndicatorEngine? baseline)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var metric = request.Metric.Trim().ToLowerInvariant();
        var known = engagement ?? engine.Dataset.Engagement;
        var context = new ExplainContext(engine, request with { Metric = metric }, forecast, [.. known.Where(e => e.OccurredAt < request.AsOf)], baseline);
        var definition = IndicatorCatalog.Find(metric);
        var family = Family(metric, definition);
        if (definition is null || family is null)
        {
            return Missing(context, definition?.Unit ?? Unit.Money, definition is null
                ? $"no indicator named \"{request.Metric}\""
                : $"{metric} is not explained by driver (explain takes {string.Join(", ", Metrics)})");
        }

        if (metric == "expansion_bookings")
        {
            context.Filter = new Dictionary<Dimension, string>(request.Filter) { [Dimension.Type] = "expansion" };
        }

        if (Prepare(context, family) is { } problem)
        {
            return Missing(context, definition.Unit, problem);
        }

        var draft = request.By is { } by
            ? family.Explain(context, by)
            : Search(context, family);
        return Write(context, definition, draft);
    }

    private static IExplainFamily? Family(string metric, IndicatorDefinition? definition) => metric switch
    {
        "bookings" or "expansion_bookings" => new NewBusinessFamily(),
        "new_pipeline" => new NewPipelineFamily(),
        "grr" or "nrr" or "logo_churn" => new RetentionFamily(metric),
        "expansion_revenue" => new ExpansionFamily(),
        "operating_margin" => new MarginFamily(),
        _ when definition is { Additive: true } => new AdditiveFamily(definition),
        _ => null,
    };

    /// <summary>Checks the split and slice, finds the plan (adopting its slice) or checks the comparison period; the reason when it cannot go on.</summary>
    private static string? Prepare(ExplainContext context, IExplainFamily family)
    {
        var request = context.Request;
        foreach (var dimension in context.Filter.Keys.Concat(request.By is { } b ? [b] : []))
        {
            if (family.CannotSlice(dimension) is { } why)
            {
                return why;
            }
        }

        if (request.By is { } by && context.Filter.ContainsKey(by))
        {
            return $"the slice already fixes {SnakeCase.Name(by)}: split by another dimension";
        }

        if (request.Against == Against.Plan)
        {
            var plan = PlanTarget.Find(context.Engine.Dataset.Plans, context.Calendar, request.Metric, context.Period, context.Filter, out var reason);
            if (plan is null)
            {
                return reason;
            }

            context.Plan = plan;
            context.Filter = plan.Filter;
            if (plan.Note is { } note)
            {
                context.Notes.Add(note);
            }

            return plan.Filter.Keys.Select(family.CannotSlice).FirstOrDefault(r => r is not null);
        }

        var other = context.ComparisonPeriod!.Value;
        if (context.AgainstBaseline && context.ComparisonView.Settings.Calendar != context.Calendar)
        {
            return "the baseline's fiscal calendar is not the company's: the same period would be other days";
        }

        return other.EndInstant > context.AsOf
            ? $"{other.Label} is not over as of {Instants.Format(context.AsOf)}: compare with a period that is"
            : null;
    }

    /// <summary>The usual dimensions' splits, and the one whose largest cell carries most of the movement.</summary>
    private static Draft Search(ExplainContext context, IExplainFamily family)
    {
        var candidates = family.Usual.Where(d => !context.Filter.ContainsKey(d) && family.CannotSlice(d) is null).ToList();
        if (candidates.Count == 0)
        {
            return family.Explain(context, null);
        }

        var drafts = candidates.Select(d => family.Explain(context, d)).ToList();
        var best = drafts.Where(d => d.Missing is null).OrderByDescending(d => d.Concentration).FirstOrDefault();
        var chosen = best ?? drafts[0];
        return chosen with { Searched = candidates };
    }

    private static Explanation Write(ExplainContext context, IndicatorDefinition definition, Draft draft)
    {
        if (draft.Missing is { } missing || draft.Decomposition is not { } d)
        {
            return Missing(context, definition.Unit, draft.Missing ?? "nothing to explain");
        }

        var explanation = Base(context, definition.Unit) with
        {
            Basis = draft.Basis,
            BasisNote = draft.BasisNote,
            Actual = d.Actual,
            Comparison = d.Comparison,
            Gap = d.Gap,
            GapRatio = definition.Unit != Unit.Ratio && d.Comparison != 0 ? Math.Round(d.Gap / Math.Abs(d.Comparison), 6) : null,
            Method = draft.Method,
            By = draft.By is { } by ? SnakeCase.Name(by) : null,
            Searched = [.. draft.Searched.Select(s => SnakeCase.Name(s))],
            Drivers = d.Drivers,
            Slices = d.Slices,
            Cells = d.Cells,
            Facts = draft.Facts,
            Accounts = draft.Accounts,
        };
        return explanation with { Summary = SummaryWriter.Write(explanation, context.Currency, Subject(context)) };
    }

    private static Explanation Missing(ExplainContext context, Unit unit, string reason)
    {
        var explanation = Base(context, unit) with { MissingReason = reason };
        return explanation with { Summary = SummaryWriter.Write(explanation, context.Currency, Subject(context)) };
    }

    private static Explanation Base(ExplainContext context, Unit unit) => new()
    {
        Metric = context.Request.Metric,
        Unit = unit,
        Period = context.Period.Label,
        AsOf = context.AsOf,
        Slice = context.Filter.OrderBy(f => f.Key).ToDictionary(f => SnakeCase.Name(f.Key), f => f.Value, StringComparer.Ordinal),
        Against = context.Request.Against,
        ComparisonPeriod = context.ComparisonPeriod?.Label ?? (context.Request.Against == Against.Plan ? context.Period.Label : null),
        ComparisonLabel = context.ComparisonLabel,
        Notes = context.Notes,
        Summary = "",
    };

    /// <summary>"2026-Q3 new-business bookings", "2026-Q2 gross revenue retention in managed-services".</summary>
    private static string Subject(ExplainContext context)
    {
        var metric = context.Request.Metric switch
        {
            "grr" => "gross revenue retention",
            "nrr" => "net revenue retention",
            "expansion_bookings" => "bookings",
            { } m => m.Replace('_', ' '),
        };
        var slice = context.SliceWords();
        return slice.Length == 0 ? $"{context.Period.Label} {metric}" : $"{context.Period.Label} {slice} {metric}";
    }
}
