using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Indicators;
using Bellwether.Core.Reporting;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;
using Bellwether.Core.Variance;

namespace Bellwether.Core.Tests.Variance;

/// <summary>
/// On the demo company: every number in a summary is one of the explanation's own figures as Readable writes it, the
/// explained figures are the indicators' own, and a period not over stands on the forecast's P50.
/// </summary>
public sealed partial class SummaryTests
{
    private static readonly JsonSerializerOptions Json = new(IndicatorJson.Options) { Converters = { new JsonStringEnumConverter() } };

    public static TheoryData<string, string, Against, Dimension?> Explanations() => new()
    {
        { "bookings", "2026-Q2", Against.Plan, null },
        { "bookings", "2026-Q3", Against.Previous, Dimension.Vertical },
        { "bookings", "2026-Q3", Against.LastYear, Dimension.Rep },
        { "grr", "2026-Q3", Against.Previous, null },
        { "grr", "2026-Q2", Against.Plan, Dimension.ServiceLine },
        { "nrr", "2026-Q2", Against.LastYear, Dimension.ServiceLine },
        { "logo_churn", "2026-Q3", Against.Previous, Dimension.Vertical },
        { "expansion_revenue", "2026-Q3", Against.Plan, null },
        { "operating_margin", "2026-Q3", Against.Plan, null },
        { "new_pipeline", "2026-Q3", Against.Previous, null },
        { "revenue", "2026-08", Against.Previous, Dimension.ServiceLine },
        { "leads", "2026-Q3", Against.LastYear, Dimension.Source },
    };

    [Theory]
    [MemberData(nameof(Explanations))]
    public void EveryNumberInTheSummary_IsAFigureOfTheResult(string metric, string period, Against against, Dimension? by)
    {
        var e = VarianceExplainer.Explain(DemoRuns.Plain, new ExplainRequest { Metric = metric, Period = FiscalCalendar.Default.Parse(period), Against = against, By = by, AsOf = DemoRuns.Now });

        Assert.Null(e.MissingReason);
        var figures = Figures(e);
        var text = e.Summary;
        foreach (var words in Words(e).OrderByDescending(w => w.Length))
        {
            text = text.Replace(words, " ", StringComparison.Ordinal);
        }

        var numbers = Number().Matches(text).Select(m => m.Value.Trim()).ToList();
        Assert.NotEmpty(numbers);
        Assert.All(numbers, n => Assert.True(figures.Contains(n), $"\"{n}\" of \"{e.Summary}\" is none of the result's figures"));
    }

    [Fact]
    public void TheExplainedFigures_AreTheIndicatorsOwn()
    {
        var q3 = DemoRuns.Q3;
        decimal Indicator(string name, Period period, IReadOnlyDictionary<Dimension, string>? filter = null) =>
            DemoRuns.Plain.Run(new IndicatorQuery { Indicators = [name], Period = period, AsOf = DemoRuns.Now, Filter = filter ?? new Dictionary<Dimension, string>() }).Single().Value!.Value;
        Explanation Explain(string metric) => VarianceExplainer.Explain(DemoRuns.Plain, new ExplainRequest { Metric = metric, Period = q3, Against = Against.Previous, AsOf = DemoRuns.Now });

        foreach (var metric in new[] { "bookings", "new_pipeline", "revenue", "expansion_revenue" })
        {
            var e = Explain(metric);
            Assert.Equal(Indicator(metric, q3), e.Actual);
            Assert.Equal(Indicator(metric, DemoRuns.Q2), e.Comparison);
        }

        foreach (var metric in new[] { "grr", "nrr", "logo_churn", "operating_margin" })
        {
            var e = Explain(metric);
            Assert.Equal(Math.Round(Indicator(metric, q3), 6), e.Actual);
            Assert.Equal(Math.Round(Indicator(metric, DemoRuns.Q2), 6), e.Comparison);
        }
    }

    [Fact]
    public void APeriodNotOver_IsTheForecastsP50_SplitIntoWhatClosedAndWhatIsForecast()
    {
        // Four days into 2026-Q4: the forecast made at that instant says what the quarter will book.
        var q4 = FiscalCalendar.Default.Parse("2026-Q4");
        ForecastModel? fitted = null;
        var e = VarianceExplainer.Explain(
            DemoRuns.Plain,
            new ExplainRequest { Metric = "bookings", Period = q4, Against = Against.Previous, By = Dimension.Source, AsOf = DemoRuns.Now },
            () => fitted = ForecastModel.Fit(DemoRuns.Plain.Dataset, DemoRuns.Now, ForecastOptions.Default with { Simulations = 200 }, cancellation: TestContext.Current.CancellationToken));

        Assert.Null(e.MissingReason);
        Assert.Equal(Basis.ForecastP50, e.Basis);
        var p50 = fitted!.Forecast(new ForecastQuery { Indicators = ["bookings"], Period = q4 }).Single().P50!.Value;
        Assert.Equal(Math.Round(p50, 2), e.Actual);
        Assert.Equal(e.Gap, e.Cells.Sum(c => c.Amount));
        Assert.Contains(e.Drivers, d => d.Driver == NewBusinessFamily.OpenPipeline && d.Amount != 0);
        Assert.Contains("(forecast P50)", e.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void AMarginNotOver_SplitsItsClosedMonthsByCost_AndItsOpenMonthsAsTheForecast()
    {
        // 20 August 2026: July is closed, August and September are not. The quarter's drivers are July's books against
        // a third of 2026-Q2's, and the two open months as one driver, adding up to the forecast's P50 against 2026-Q2.
        var asOf = new DateTimeOffset(2026, 8, 20, 0, 0, 0, TimeSpan.Zero);
        var data = DemoRuns.Plain.Dataset;
        ForecastModel? fitted = null;
        var e = VarianceExplainer.Explain(
            DemoRuns.Plain,
            new ExplainRequest { Metric = "operating_margin", Period = DemoRuns.Q3, Against = Against.Previous, AsOf = asOf },
            () => fitted = ForecastModel.Fit(data, asOf, ForecastOptions.Default with { Simulations = 200 }, cancellation: TestContext.Current.CancellationToken));

        Assert.Null(e.MissingReason);
        Assert.Equal(Basis.ForecastP50, e.Basis);
        var p50 = fitted!.Forecast(new ForecastQuery { Indicators = ["operating_margin"], Period = DemoRuns.Q3 }).Single().P50!.Value;
        Assert.Equal(Math.Round(p50, 6), e.Actual);
        Assert.Equal(e.Gap, e.Cells.Sum(c => c.Amount));

        // Cogs, worked out again from the revenue file: July's against a third of the second quarter's.
        var july = new DateOnly(2026, 7, 1);
        var cogs = e.Drivers.Single(d => d.Driver == "cogs");
        Assert.Equal(Math.Round(data.Revenue.Where(r => r.Month == july).Sum(r => r.Cogs ?? 0), 2), cogs.To);
        Assert.Equal(Math.Round(data.Revenue.Where(r => DemoRuns.Q2.Contains(r.Month)).Sum(r => r.Cogs ?? 0) / 3, 2), cogs.From);
        var forecast = e.Drivers.Single(d => d.Driver == "forecast");
        Assert.NotEqual(0m, forecast.Amount);
        Assert.Contains("2026-07 from the books, 2026-08 to 2026-09 from the forecast", e.BasisNote, StringComparison.Ordinal);
        Assert.Contains("(forecast P50)", e.Summary, StringComparison.Ordinal);
    }

    /// <summary>Every figure of the result, written every way Readable writes a figure (with and without a sign).</summary>
    private static HashSet<string> Figures(Explanation e)
    {
        var values = new List<decimal>();
        void Walk(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Number:
                    values.Add(element.GetDecimal());
                    break;
                case JsonValueKind.Object:
                    foreach (var p in element.EnumerateObject())
                    {
                        Walk(p.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Walk(item);
                    }

                    break;
            }
        }

        Walk(JsonSerializer.SerializeToElement(e, Json));
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in values.SelectMany(v => new[] { v, -v }))
        {
            foreach (var text in new[] { Readable.Money(v, "USD"), Readable.MoneyShort(v, "USD"), Readable.Percent(v), Readable.Points(v), Readable.Count(v), Readable.Days(v) })
            {
                written.Add(text);
                written.Add("+" + text);
                written.Add(text.Replace(" days", "", StringComparison.Ordinal).Replace(" pts", "", StringComparison.Ordinal).Replace(" pt", "", StringComparison.Ordinal));
            }
        }

        return written;
    }

    /// <summary>The words of the result that may hold digits but are no figures: periods, slices, names.</summary>
    private static IEnumerable<string> Words(Explanation e) =>
        new[] { e.Period, e.ComparisonLabel ?? "", e.ComparisonPeriod ?? "" }
            .Concat(e.Cells.Select(c => c.SliceLabel))
            .Concat(e.Accounts.Select(a => a.Name))
            .Where(w => w.Length > 0);

    [GeneratedRegex(@"[+−]?\$?\d+(,\d{3})*(\.\d+)?([kMB%]| pts?)?")]
    private static partial Regex Number();
}
