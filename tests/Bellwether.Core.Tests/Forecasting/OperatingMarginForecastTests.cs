using System.Text.Json;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Indicators;
using Bellwether.Core.Reps;
using Bellwether.Core.Time;

namespace Bellwether.Core.Tests.Forecasting;

public sealed class OperatingMarginForecastTests(CompanyFixture company)
    : IClassFixture<CompanyFixture>
{
    private static readonly FiscalCalendar Calendar = FiscalCalendar.Default;

    private static readonly DateTimeOffset T = SmallCompany.At("2025-07-01");

    [Fact]
    public void EachFuturesMargin_IsRevenueLessCogsAtTheirRatioLessSalariesPerHead()
    {
        // The small company's only expense is 40,000 a month of salaries for its 4 reps (10,000 per rep-month), and its
        // cogs are 40% of revenue with no surprise: every future's Q3 margin is 0.6 − 120,000 / its Q3 revenue, which
        // rises with revenue, so the margin's P10 and P90 are those of the revenue's P10 and P90.
        var model = ForecastModel.Fit(company.Data, T, company.Options, cancellation: TestContext.Current.CancellationToken);

        var revenue = Assert.Single(model.Forecast(Query("2025-Q3", "revenue")));
        var margin = Assert.Single(model.Forecast(Query("2025-Q3", "operating_margin")));

        Assert.Equal(0.6 - (120_000 / (double)revenue.P10!), (double)margin.P10!, 3);
        Assert.Equal(0.6 - (120_000 / (double)revenue.P90!), (double)margin.P90!, 3);
    }

    [Fact]
    public void Range_WidensWhenCostsHaveSurprisedMore()
    {
        // The same company with salaries swinging between 30,000 and 50,000 (the same 40,000 on average): its own
        // one-month-ahead errors are larger, and so is the range of the margin.
        var steady = company.Data;
        var swinging = steady with
        {
            Expenses = [.. steady.Expenses.Select((e, i) => e with { Amount = i % 2 == 0 ? 30_000 : 50_000 })],
        };

        var narrow = Assert.Single(ForecastModel.Fit(steady, T, company.Options, cancellation: TestContext.Current.CancellationToken).Forecast(Query("2025-Q3", "operating_margin")));
        var wide = Assert.Single(ForecastModel.Fit(swinging, T, company.Options, cancellation: TestContext.Current.CancellationToken).Forecast(Query("2025-Q3", "operating_margin")));

        Assert.True(wide.P90 - wide.P10 > 2 * (narrow.P90 - narrow.P10), $"{wide.P10}–{wide.P90} against {narrow.P10}–{narrow.P90}");
    }

    [Fact]
    public void MarginAsOfAnInstant_KnowsNoHireLeaveOrBooksAfterIt()
    {
        // A rep hired after t and a leave dated after t are in reps.csv now, but were not known at t; nor were the
        // ledger's later months.
        var t = SmallCompany.At("2025-04-16");
        var later = company.Data with
        {
            Reps = [.. company.Data.Reps.Select(r => r.RepId == "r1" ? r with { EndDate = new DateOnly(2025, 5, 31) } : r), Hire(new DateOnly(2025, 5, 1))],
        };
        var known = Truncate.At(company.Data, t);
        var query = Query("2025", "operating_margin", Grain.Quarter);

        var withFuture = ForecastModel.Fit(later, t, company.Options, cancellation: TestContext.Current.CancellationToken).Forecast(query);
        var withoutFuture = ForecastModel.Fit(known, t, company.Options, cancellation: TestContext.Current.CancellationToken).Forecast(query);

        Assert.Equal(Json(withoutFuture), Json(withFuture));

        // The headcount does matter: the same hire made before t raises the cost of every later month.
        var hiredBefore = company.Data with { Reps = [.. company.Data.Reps, Hire(new DateOnly(2025, 4, 1))] };
        var withHire = ForecastModel.Fit(hiredBefore, t, company.Options, cancellation: TestContext.Current.CancellationToken).Forecast(query);
        Assert.True(withHire[^1].P50 < withoutFuture[^1].P50);
    }

    private static Rep Hire(DateOnly start) => new() { RepId = "r5", Name = "R5", Team = "east", Role = RepRole.Ae, StartDate = start };

    private static ForecastQuery Query(string period, string indicator, Grain? grain = null) => new()
    {
        Indicators = [indicator],
        Period = Calendar.Parse(period),
        Grain = grain,
    };

    private static string Json(IReadOnlyList<ForecastRow> rows) => JsonSerializer.Serialize(rows, IndicatorJson.Options);
}
