using System.Text.Json;
using Bellwether.Core.Data;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Forecasting.Simulation;
using Bellwether.Core.Indicators;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Scenarios;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Core.Tests.Forecasting;

public sealed class ForecastModelTests(CompanyFixture company) : IClassFixture<CompanyFixture>
{
    private static readonly FiscalCalendar Calendar = FiscalCalendar.Default;

    private Dataset Data => company.Data;

    [Fact]
    public void ForecastAsOfAnInstant_IsTheSameWhetherOrNotTheDataHoldsWhatHappenedAfter()
    {
        var t = SmallCompany.At("2025-04-16");
        var query = Query("2025-Q2", ["bookings", "won_deals", "new_logos", "revenue", "grr"], by: [Dimension.Team]);

        var withFuture = ForecastModel.Fit(Data, t, company.Options, cancellation: TestContext.Current.CancellationToken).Forecast(query);
        var withoutFuture = ForecastModel.Fit(Truncate.At(Data, t), t, company.Options, cancellation: TestContext.Current.CancellationToken).Forecast(query);

        Assert.NotEmpty(withFuture);
        Assert.Equal(Json(withoutFuture), Json(withFuture));
    }

    [Fact]
    public void DealWonBeforeTheInstant_CountsAsClosed_NotAsPipeline()
    {
        var t = SmallCompany.At("2025-05-01");
        var q2 = Calendar.Parse("2025-Q2");
        var wonBefore = Data.Opportunities.Where(o => o.Status == OpportunityStatus.Won && q2.Contains(o.ClosedAt!.Value) && o.ClosedAt < t).ToList();
        Assert.NotEmpty(wonBefore);
        var model = ForecastModel.Fit(Data, t, company.Options, cancellation: TestContext.Current.CancellationToken);

        var row = Assert.Single(model.Forecast(Query("2025-Q2", ["bookings"])));
        var projection = model.ProjectionFor(new ScenarioEffects(model.Parts, Scenario.Base), q2.End);
        var openIds = projection.OpenDeals.Select(i => model.Parts.Facts.Id[i]).ToHashSet();

        Assert.Equal(wonBefore.Sum(o => o.Amount), row.Parts!["closed"]);
        Assert.DoesNotContain(wonBefore, o => openIds.Contains(o.OpportunityId));
        Assert.True(row.Parts["open_pipeline"] > 0);
    }

    [Theory]
    [InlineData("bookings")]
    [InlineData("won_deals")]
    [InlineData("new_logos")]
    public void Breakdowns_AddUpToTheirTotal_InEveryFuture(string indicator)
    {
        var model = ForecastModel.Fit(Data, SmallCompany.At("2025-04-16"), company.Options, cancellation: TestContext.Current.CancellationToken);
        var periods = new[] { Calendar.Parse("2025-Q2"), Calendar.Parse("2025-Q3") };
        var projection = model.ProjectionFor(new ScenarioEffects(model.Parts, Scenario.Base), periods[^1].End);
        Draws DrawBy(params Dimension[] by) => DealForecast.Draw(indicator, model.Parts, projection, new ScenarioEffects(model.Parts, Scenario.Base), periods, new Slicer(model.Parts, by, new Dictionary<Dimension, string>()), cancellation: TestContext.Current.CancellationToken);

        var whole = DrawBy();
        var reps = DrawBy(Dimension.Rep);
        var teams = DrawBy(Dimension.Team);
        var verticals = DrawBy(Dimension.Vertical);
        var lines = DrawBy(Dimension.ServiceLine, Dimension.Rep);

        for (var p = 0; p < periods.Length; p++)
        {
            var total = whole.Totals(0, p);
            for (var sim = 0; sim < total.Length; sim++)
            {
                foreach (var breakdown in new[] { reps, teams, verticals, lines })
                {
                    // Within a millionth, not "to 6 decimal places": rounding both sides can split sums 1e-10 apart.
                    Assert.Equal(total[sim], Enumerable.Range(0, breakdown.Groups).Sum(g => breakdown.Totals(g, p)[sim]), tolerance: 1e-6);
                }
            }
        }
    }

    [Fact]
    public void ASlicesNewWins_VaryAsASliceOfSoManyDeals_WithItsShareReadFromSoManyWins()
    {
        // Verticals are not a property of the creation model's atoms: each new win takes a recent win of its stream as
        // its template, in each future, from a mix of the stream's templates that is itself drawn (a Bayesian bootstrap
        // of T templates). For one stream, with N new wins and a slice's mean share q, the slice's count varies as
        //   q² Var N (the total) + q(1 − q) E N (deals falling one by one) + q(1 − q)/(T + 1) (E N² − E N) (the share),
        // where a fixed share of the total would give the first term only.
        var model = ForecastModel.Fit(Data, SmallCompany.At("2025-04-01"), company.Options, cancellation: TestContext.Current.CancellationToken);
        var parts = model.Parts;
        var stream = parts.Creation.Streams.MaxBy(s => parts.Templates(s).Length)!;
        var templates = parts.Templates(stream).Length;
        var filter = new Dictionary<Dimension, string>
        {
            [Dimension.Type] = parts.Facts.LevelsOf(Dimension.Type).Value(stream.Type),
            [Dimension.Source] = parts.Facts.LevelsOf(Dimension.Source).Value(stream.Source),
        };
        var period = Calendar.Parse("2025-Q2");
        var projection = model.ProjectionFor(new ScenarioEffects(parts, Scenario.Base), period.End);
        Draws DrawBy(params Dimension[] by) => DealForecast.Draw("won_deals", parts, projection, new ScenarioEffects(parts, Scenario.Base), [period], new Slicer(parts, by, filter), cancellation: TestContext.Current.CancellationToken);
        var whole = DrawBy();
        var verticals = DrawBy(Dimension.Vertical);
        var n = Enumerable.Range(0, whole.Simulations).Select(sim => whole.Second[whole.At(0, 0, sim)]).ToArray();
        var (meanN, meanN2) = (n.Average(), n.Select(x => x * x).Average());
        var varN = meanN2 - (meanN * meanN);

        for (var g = 0; g < verticals.Groups; g++)
        {
            var x = Enumerable.Range(0, verticals.Simulations).Select(sim => verticals.Second[verticals.At(g, 0, sim)]).ToArray();
            var q = x.Average() / meanN;
            var variance = x.Select(v => v * v).Average() - (x.Average() * x.Average());
            var fixedShare = q * q * varN;
            var expected = fixedShare + (q * (1 - q) * meanN) + (q * (1 - q) / (templates + 1) * (meanN2 - meanN));
            Assert.InRange(variance, 0.8 * expected, 1.2 * expected);
            Assert.True(variance > 1.2 * fixedShare, $"vertical {g}: variance {variance:F1}, a fixed share's {fixedShare:F1}");
        }
    }

    [Fact]
    public void SameDataInstantAndSeed_GiveTheSameForecast()
    {
        var t = SmallCompany.At("2025-04-16");
        var query = Query("2025-Q2", ["bookings", "revenue"], by: [Dimension.Rep]);

        var once = ForecastModel.Fit(Data, t, company.Options, cancellation: TestContext.Current.CancellationToken).Forecast(query);
        var again = ForecastModel.Fit(Data, t, company.Options, cancellation: TestContext.Current.CancellationToken).Forecast(query);

        Assert.Equal(Json(once), Json(again));
    }

    [Fact]
    public void RowsSerialise_AsTheContractSays()
    {
        var model = ForecastModel.Fit(Data, SmallCompany.At("2025-04-01"), company.Options, cancellation: TestContext.Current.CancellationToken);
        var row = model.Forecast(Query("2025-Q2", ["bookings"]))[0];

        var json = JsonSerializer.Serialize(row, IndicatorJson.Options);

        Assert.StartsWith("{\"indicator\":\"bookings\",\"period\":\"2025-Q2\",\"as_of\":\"2025-04-01T00:00:00Z\",\"slice\":{},\"p10\":", json, StringComparison.Ordinal);
        Assert.Contains("\"unit\":\"money\",\"parts\":{\"closed\":0,\"open_pipeline\":", json, StringComparison.Ordinal);
        Assert.Contains("\"provisional\":false", json, StringComparison.Ordinal);
        Assert.Contains("\"missing_reason\":null", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("churn_rate", null, "no forecast of \"churn_rate\"")]
    [InlineData("bookings", Grain.Week, "forecasts are made for months, fiscal quarters and fiscal years")]
    public void WhatCannotBeForecast_IsAMissingRowWithTheReason(string indicator, Grain? grain, string reason)
    {
        var model = ForecastModel.Fit(Data, SmallCompany.At("2025-04-01"), company.Options, cancellation: TestContext.Current.CancellationToken);

        var rows = model.Forecast(Query("2025-Q2", [indicator], grain: grain));

        Assert.All(rows, r =>
        {
            Assert.Null(r.P50);
            Assert.StartsWith(reason, r.MissingReason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void RevenueSlicedByRep_IsMissing_RevenueIsPerAccountAndLine()
    {
        var model = ForecastModel.Fit(Data, SmallCompany.At("2025-04-01"), company.Options, cancellation: TestContext.Current.CancellationToken);

        var row = Assert.Single(model.Forecast(Query("2025-Q2", ["revenue"], by: [Dimension.Rep])));

        Assert.Equal("revenue is recorded per account and service line: it cannot be sliced by rep", row.MissingReason);
    }

    [Fact]
    public void RevenueOfMonthsOver_IsClosed_AndTheLearnedShapeCarriesTheBook()
    {
        var t = SmallCompany.At("2025-05-01");
        var model = ForecastModel.Fit(Data, t, company.Options, cancellation: TestContext.Current.CancellationToken);

        var april = Assert.Single(model.Forecast(Query("2025-04", ["revenue"])));
        var june = Assert.Single(model.Forecast(Query("2025-06", ["revenue"])));

        Assert.Equal(Data.Revenue.Where(r => r.Month == new DateOnly(2025, 4, 1)).Sum(r => r.Revenue), april.P50);
        Assert.Equal(april.P10, april.P90);

        // June recognises a third of what was won in March, April and May: known deals for March and April, all but
        // the end of May known at t; the book's part is what was won by t.
        var booked = Data.Opportunities.Where(o => o.Status == OpportunityStatus.Won && o.ClosedAt >= SmallCompany.At("2025-03-01") && o.ClosedAt < t).Sum(o => o.Amount) / 3;
        Assert.InRange(june.Parts!["existing_book"], booked * 0.97m, booked * 1.03m);
    }

    [Fact]
    public void TheBooksShock_GrowsWithHowFarAheadAPeriodLies()
    {
        // Months are numbered; the ledger knows up to month 100. A set of known months carries no shock; the quarter
        // that starts next lies 1, 2 and 3 months ahead (2 on average); a set that straddles t counts only its months
        // still to come; a quarter starting a month later lies 3 months ahead on average.
        var ahead = LedgerForecast.MonthsAhead([[98, 99, 100], [101, 102, 103], [100, 101], [102, 103, 104]], 100);

        Assert.Equal([0, 2, 1, 3], ahead);
    }

    [Fact]
    public void AForecastsMemory_IsItsDrawsInEveryFuture_NotEveryDealInEveryFuture()
    {
        var model = ForecastModel.Fit(Data, SmallCompany.At("2025-04-16"), company.Options, cancellation: TestContext.Current.CancellationToken);
        var simulations = company.Options.Simulations;
        var deals = model.Parts.Facts.Count;
        var reps = model.Parts.View.Reps.Count;
        // Half of what a deal's state in every future would take; the draws of one total in every future, and each rep's, fit it many times over.
        var budget = (long)deals * simulations * sizeof(double) / 2;
        Assert.True(budget > 20L * (2 + (2 * reps)) * simulations * sizeof(double), $"{deals} deals are too few for this test");
        var within = model.Within(new Budget.MemoryBudget(budget).For(TestContext.Current.CancellationToken));

        var row = Assert.Single(within.Forecast(Query("2025-Q2", ["bookings"])));
        Assert.True(row.P50 > 0);

        // A rep's draws are held in every future: a thousand more reps are refused before anything is drawn.
        var army = new Scenario { Name = "army", Changes = [new AddRepsChange { Count = (int)(budget / (2L * simulations * sizeof(double))), Start = new DateOnly(2025, 5, 1) }] };
        Assert.Throws<Budget.WorkTooLargeException>(() => within.Forecast(Query("2025-Q2", ["bookings"]), army));
    }

    private static ForecastQuery Query(string period, string[] indicators, Dimension[]? by = null, Grain? grain = null) => new()
    {
        Indicators = indicators,
        Period = Calendar.Parse(period),
        By = by ?? [],
        Grain = grain,
    };

    private static string Json(IReadOnlyList<ForecastRow> rows) => JsonSerializer.Serialize(rows, IndicatorJson.Options);
}

/// <summary>The small company, generated once for the tests that only read it.</summary>
public sealed class CompanyFixture
{
    public Dataset Data { get; } = SmallCompany.Generate();

    /// <summary>Fewer futures than the default: the tests check properties, not precision.</summary>
    public ForecastOptions Options { get; } = new() { Simulations = 400 };
}
