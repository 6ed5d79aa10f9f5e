using System.Text.Json;
using Bellwether.Core.Data;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Indicators;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Scenarios;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Core.Tests.Forecasting;

/// <summary>
/// Models of several instants sharing what a month's start taught them (<see cref="ForecastFits"/>): the same forecasts
/// as a fresh fit at each instant, nothing read from after an instant, and the state (open deals, wins) read at the
/// instant itself, not at the month's start.
/// </summary>
public sealed class ForecastFitsTests(CompanyFixture company) : IClassFixture<CompanyFixture>
{
    private static readonly FiscalCalendar Calendar = FiscalCalendar.Default;

    private static readonly ForecastQuery Query = new()
    {
        Indicators = ["bookings", "won_deals", "new_logos", "revenue", "grr"],
        Period = Calendar.Parse("2025-Q2"),
        By = [Dimension.Team],
    };

    private Dataset Data => company.Data;

    [Theory]
    [InlineData("2025-04-16T09:30:00Z", "2025-04-01T00:00:00Z")]
    [InlineData("2025-04-30T23:59:59Z", "2025-04-01T00:00:00Z")]
    [InlineData("2025-05-01T00:00:00Z", "2025-05-01T00:00:00Z")]
    [InlineData("2025-06-01T02:00:00+05:00", "2025-05-01T00:00:00Z")]
    [InlineData("2024-02-29T12:00:00Z", "2024-02-01T00:00:00Z")]
    public void TheLearningOfAnInstant_IsFromTheStartOfItsUtcMonth(string asOf, string learnedAt)
    {
        var t = DateTimeOffset.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DateTimeOffset.Parse(learnedAt, System.Globalization.CultureInfo.InvariantCulture), ForecastFits.LearnedAt(t));
    }

    [Fact]
    public void TwoInstantsOfAMonth_ShareOneLearning_AndForecastExactlyAsAFreshFitAtEach()
    {
        var first = SmallCompany.At("2025-04-09");
        var second = SmallCompany.At("2025-04-23");
        var fits = new ForecastFits(Data, company.Options);

        var a = fits.Fit(first, TestContext.Current.CancellationToken);
        var b = fits.Fit(second, TestContext.Current.CancellationToken);

        Assert.Equal(1, fits.LearnedMonths);
        Assert.Same(a.Parts.Learning, b.Parts.Learning);
        Assert.Equal(SmallCompany.At("2025-04-01"), a.LearnedAt);
        Assert.Equal(Json(ForecastModel.Fit(Data, first, company.Options, cancellation: TestContext.Current.CancellationToken).Forecast(Query)), Json(a.Forecast(Query)));
        Assert.Equal(Json(ForecastModel.Fit(Data, second, company.Options, cancellation: TestContext.Current.CancellationToken).Forecast(Query)), Json(b.Forecast(Query)));
    }

    [Fact]
    public void ASharedLearning_ReadsNothingAfterTheInstant_EvenWhenALaterInstantAskedFirst()
    {
        var early = SmallCompany.At("2025-04-09");
        var late = SmallCompany.At("2025-04-23");
        var fits = new ForecastFits(Data, company.Options);
        fits.Fit(late, TestContext.Current.CancellationToken);

        var shared = fits.Fit(early, TestContext.Current.CancellationToken).Forecast(Query);
        var fromWhatWasKnown = ForecastModel.Fit(Truncate.At(Data, early), early, company.Options, cancellation: TestContext.Current.CancellationToken).Forecast(Query);

        Assert.Equal(Json(fromWhatWasKnown), Json(shared));
    }

    [Fact]
    public void DealsWonBetweenTheMonthsStartAndTheInstant_AreClosedAtTheInstant_NotPipeline()
    {
        var start = SmallCompany.At("2025-05-01");
        var t = SmallCompany.At("2025-05-20");
        var q2 = Calendar.Parse("2025-Q2");
        var wonInBetween = Data.Opportunities.Where(o => o.Status == OpportunityStatus.Won && o.ClosedAt >= start && o.ClosedAt < t).ToList();
        var wonBefore = Data.Opportunities.Where(o => o.Status == OpportunityStatus.Won && q2.Contains(o.ClosedAt!.Value) && o.ClosedAt < t).ToList();
        Assert.NotEmpty(wonInBetween);
        var fits = new ForecastFits(Data, company.Options);
        fits.Fit(start, TestContext.Current.CancellationToken);

        var model = fits.Fit(t, TestContext.Current.CancellationToken);
        var row = Assert.Single(model.Forecast(Query with { Indicators = ["bookings"], By = [] }));
        var projection = model.ProjectionFor(new ScenarioEffects(model.Parts, Scenario.Base), q2.End);
        var openIds = projection.OpenDeals.Select(i => model.Parts.Facts.Id[i]).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(start, model.LearnedAt);
        Assert.Equal(wonBefore.Sum(o => o.Amount), row.Parts!["closed"]);
        Assert.DoesNotContain(wonInBetween, o => openIds.Contains(o.OpportunityId));
    }

    [Fact]
    public void InstantsOfDifferentMonths_LearnEach()
    {
        var fits = new ForecastFits(Data, company.Options);

        var april = fits.Fit(SmallCompany.At("2025-04-30"), TestContext.Current.CancellationToken);
        var may = fits.Fit(SmallCompany.At("2025-05-07"), TestContext.Current.CancellationToken);

        Assert.Equal(2, fits.LearnedMonths);
        Assert.NotSame(april.Parts.Learning, may.Parts.Learning);
        Assert.Equal(SmallCompany.At("2025-05-01"), may.LearnedAt);
    }

    private static string Json(IReadOnlyList<ForecastRow> rows) => JsonSerializer.Serialize(rows, IndicatorJson.Options);
}

/// <summary>A fitted model's kept rows answer again exactly as a fresh model would, under the asker's own scenario name.</summary>
public sealed class KeptRowsTests(CompanyFixture company) : IClassFixture<CompanyFixture>
{
    private static readonly ForecastQuery Query = new()
    {
        Indicators = ["bookings", "grr", "operating_margin"],
        Period = FiscalCalendar.Default.Parse("2025-Q2"),
        By = [Dimension.Vertical],
    };

    [Fact]
    public void AScenarioAskedAgainUnderAnotherName_GivesAFreshModelsRows_LabelledWithItsName()
    {
        var t = SmallCompany.At("2025-04-16");
        var model = ForecastModel.Fit(company.Data, t, company.Options, cancellation: TestContext.Current.CancellationToken);
        var up = new Scenario { Name = "up", Changes = [new WinRateChange { Relative = 0.1 }] };
        var again = up with { Name = "again" };

        var first = model.Forecast(Query, up);
        var baseRows = model.Forecast(Query);
        var second = model.Forecast(Query, again);

        var fresh = ForecastModel.Fit(company.Data, t, company.Options, cancellation: TestContext.Current.CancellationToken);
        Assert.Equal(Json(fresh.Forecast(Query, again)), Json(second));
        Assert.Equal(Json(fresh.Forecast(Query)), Json(baseRows));
        Assert.All(first, r => Assert.Equal("up", r.Scenario));
        Assert.All(second, r => Assert.Equal("again", r.Scenario));
        Assert.All(model.Forecast(Query), r => Assert.Null(r.Scenario));
    }

    private static string Json(IReadOnlyList<ForecastRow> rows) => JsonSerializer.Serialize(rows, IndicatorJson.Options);
}
