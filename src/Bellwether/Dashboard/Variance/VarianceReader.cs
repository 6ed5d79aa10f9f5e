using Bellwether.Core.Indicators;
using Bellwether.Core.Reporting;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Core.Variance;
using Bellwether.Indicators;
using Bellwether.Queries;
using Bellwether.Services;
using Bellwether.Storage;

namespace Bellwether.Dashboard.Variance;

/// <summary>
/// The Variance page's explanation: the choices read by <see cref="Requests.Explain"/> (as the CLI and the API read
/// them, a slice's values checked against the data) and explained by the host's <see cref="ExplainService"/>, as
/// <c>GET …/explain</c> does — so the page, <c>bellwether explain</c> and the API give the same numbers. "Now" is the
/// start of the hour, as the API's default.
/// </summary>
public sealed class VarianceReader(IStore store, IndicatorService indicators, ExplainService explanations, TimeProvider clock, DashboardOptions options)
{
    /// <summary>What the page shows: the choices as given (null for a default) and the explanation of them.</summary>
    public VarianceView Read(VarianceChoices choices, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var workspace = options.Workspace;
        var now = ForecastService.Now(clock);
        var settings = store.Settings(workspace);
        var period = choices.Period is { } given && !settings.Calendar.TryParse(given, out _)
            ? PeriodChoices.Resolve(given, settings.Calendar, now).Label
            : choices.Period ?? PeriodChoices.Resolve(null, settings.Calendar, now).Label;
        var read = Requests.Explain(new QueryReader(settings.Calendar, now), choices.Metric ?? "bookings", period, choices.Against, choices.By, choices.Slice, asOf: null);
        if (!read.Ok)
        {
            // The page's address carries the API's parameter names (metric, period, against, by, slice).
            throw new Cli.UserErrorException(read.Describe(ParameterNames.Api));
        }

        var request = read.Value;
        var engine = indicators.Engine(workspace);
        if (SliceValues.Check(request.Filter, engine) is { Count: > 0 } absent)
        {
            throw new Cli.UserErrorException(Checked.Invalid<ExplainRequest>(absent).Describe(ParameterNames.Api));
        }

        var explanation = explanations.Explain(workspace, request, cancellation);
        return VariancePicture.Of(explanation, settings.Currency, NameBook.Of(engine.Dataset));
    }

    /// <summary>The metrics the page offers: every metric explain takes, those with drivers first.</summary>
    public static IReadOnlyList<(string Value, string Text)> Metrics { get; } =
        [.. VarianceExplainer.Metrics.Select(m => (m, MetricNames.Of(m)))];

    /// <summary>The dimensions a gap can be split by; the empty choice searches the metric's usual ones.</summary>
    public static IReadOnlyList<(string Value, string Text)> Dimensions { get; } =
        [("", "The most telling"), .. SnakeCase.AllNames<Dimension>().Where(d => d != "activity_type").Select(d => (d, MetricNames.Of(d)))];

    public static IReadOnlyList<(string Value, string Text)> Comparisons { get; } =
        [("plan", "Plan"), ("previous", "The period before"), ("last_year", "The same period last year")];

    /// <summary>The unit the metric's gap is in, for a caller that has no explanation yet.</summary>
    public static Unit UnitOf(string metric) => IndicatorCatalog.Find(metric)?.Unit ?? Unit.Money;
}

/// <summary>The Variance page's choices, as its address carries them; null for the default.</summary>
public sealed record VarianceChoices(string? Metric, string? Period, string? Against, string? By, string? Slice);
