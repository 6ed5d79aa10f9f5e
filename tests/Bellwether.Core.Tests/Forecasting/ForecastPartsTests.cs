using Bellwether.Core.Forecasting;
using Bellwether.Core.Forecasting.Simulation;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Scenarios;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Core.Time;

namespace Bellwether.Core.Tests.Forecasting;

/// <summary>
/// A forecast's parts and quantiles checked against figures worked out without the code that writes them: the parts
/// against what the company's own process makes of the quarter (<see cref="SmallCompanyFuture"/>) and against the means
/// of the deals' chances and the creation rates the projection holds; the quantiles against the distribution those
/// chances define when deals are independent. (A part multiplied by 1.5, or P90 written as P50, fails here; the mean
/// written as the sum of the parts, which the row writer does by definition, is not checked on its own.)
/// </summary>
public sealed class ForecastPartsTests(IndependentDealsCompany company) : IClassFixture<IndependentDealsCompany>
{
    /// <summary>
    /// How far a part may stray from the ideal forecaster's: the model is fitted on two and a quarter years of a few
    /// hundred deals, and over seeds 7, 9, 11 and 13 at this instant its parts by type were 0–17% off (26% once, for
    /// seed 13's expansion deals not yet created, a sixth of the quarter). A part 1.5 times what it should be is off by
    /// 35% or more.
    /// </summary>
    private const double FitTolerance = 0.25;

    [Theory]
    [InlineData(ForecastIndicators.Bookings, OpportunityType.NewBusiness)]
    [InlineData(ForecastIndicators.Bookings, OpportunityType.Expansion)]
    [InlineData(ForecastIndicators.WonDeals, OpportunityType.NewBusiness)]
    [InlineData(ForecastIndicators.WonDeals, OpportunityType.Expansion)]
    public void EachPart_IsWhatTheCompanysOwnProcessMakesOfTheQuarter(string indicator, OpportunityType type)
    {
        var row = company.Model.Forecast(new ForecastQuery { Indicators = [indicator], Period = company.Quarter, By = [Dimension.Type] })
            .Single(r => r.Slice[SnakeCase.Name(Dimension.Type)] == SnakeCase.Name(type));
        double Of(SmallCompanyFuture.Expected e) => indicator == ForecastIndicators.Bookings ? e.Bookings : e.Wins;
        var open = Of(company.Future.Open[type]);
        var notYetCreated = Of(company.Future.NotYetCreated[type]);

        // Nothing of the quarter has closed at its first instant.
        Assert.Equal(0m, row.Parts![DealForecast.Closed]);
        Assert.InRange((double)row.Parts[DealForecast.OpenPipeline], open * (1 - FitTolerance), open * (1 + FitTolerance));
        Assert.InRange((double)row.Parts[DealForecast.NotYetCreated], notYetCreated * (1 - FitTolerance), notYetCreated * (1 + FitTolerance));
    }

    [Fact]
    public void ClosedPart_IsWhatWasWonBeforeTheInstant_AndTheRestIsWhatTheProcessMakesOfTheRest()
    {
        // Mid-quarter: April's wins are known to the cent; May and June are to come.
        var t = SmallCompany.At("2025-05-01");
        var model = ForecastModel.Fit(company.Data, t, company.Options, cancellation: TestContext.Current.CancellationToken);
        var wonInApril = company.Data.Opportunities.Where(o => o.Status == OpportunityStatus.Won && o.ClosedAt >= company.AsOf && o.ClosedAt < t).Sum(o => o.Amount);
        var (open, notYetCreated) = SmallCompanyFuture.Of(company.Data, t, company.Quarter, expansion: true);
        var rest = open.Values.Sum(e => e.Bookings) + notYetCreated.Values.Sum(e => e.Bookings);

        var row = Assert.Single(model.Forecast(new ForecastQuery { Indicators = [ForecastIndicators.Bookings], Period = company.Quarter, By = [] }));

        Assert.True(wonInApril > 0);
        Assert.Equal(wonInApril, row.Parts![DealForecast.Closed]);
        Assert.InRange((double)(row.Mean!.Value - wonInApril), rest * (1 - FitTolerance), rest * (1 + FitTolerance));
    }

    [Theory]
    [InlineData(ForecastIndicators.Bookings)]
    [InlineData(ForecastIndicators.WonDeals)]
    public void Parts_AreTheMeansOfTheDealsChancesAndTheNewDealsRates(string indicator)
    {
        // Each open deal is won in the quarter with the chance its slots give, booking its won amount; each atom wins a
        // Poisson number of new deals per month, each booking the atom's mean amount on average. The parts are means over
        // the futures drawn: within 4 standard errors of these expectations (their variances: Bernoulli for a deal, a
        // compound Poisson for an atom's wins), which a part scaled by even 1.1 is not.
        var p = company.Projection;
        var bookings = indicator == ForecastIndicators.Bookings;
        double openMean = 0, openVariance = 0, newMean = 0, newVariance = 0;
        for (var k = 0; k < p.OpenDeals.Length; k++)
        {
            var chance = company.ChanceInQuarter(k);
            var value = bookings ? p.WonAmount[k] : 1;
            if (p.NotYetCreated[k])
            {
                newMean += chance * value;
                newVariance += chance * (1 - chance) * value * value;
            }
            else
            {
                openMean += chance * value;
                openVariance += chance * (1 - chance) * value * value;
            }
        }

        foreach (var (a, s) in company.AtomSlotsInQuarter())
        {
            var wins = p.AtomWins[a][s];
            var (mean, sd) = bookings ? (p.AtomMean[a][s], p.AtomSd[a][s]) : (1, 0);
            newMean += wins * mean;
            newVariance += wins * ((mean * mean) + (sd * sd));
        }

        var row = Assert.Single(company.Model.Forecast(new ForecastQuery { Indicators = [indicator], Period = company.Quarter, By = [] }));

        var n = company.Options.Simulations;
        Assert.True(openMean > 0 && newMean > 0);
        Assert.InRange((double)row.Parts![DealForecast.OpenPipeline], openMean - (4 * Math.Sqrt(openVariance / n)), openMean + (4 * Math.Sqrt(openVariance / n)));
        Assert.InRange((double)row.Parts[DealForecast.NotYetCreated], newMean - (4 * Math.Sqrt(newVariance / n)), newMean + (4 * Math.Sqrt(newVariance / n)));
    }

    [Fact]
    public void WonDealsQuantiles_AreThoseOfIndependentChancesAndAPoissonFlow()
    {
        // With no common, rep or rate shock (this company's month-to-month surprises are all Poisson noise), the
        // quarter's won deals are a sum of independent Bernoulli trials (the open deals' chances in the quarter) and a
        // Poisson count (the atoms' expected wins): its distribution is worked out exactly by convolution. Quantiles of
        // 2,000 futures are within one deal of the exact ones (their standard error is about a quarter of a deal here),
        // while P90 and P50 lie about eight deals apart.
        var p = company.Projection;
        var distribution = new double[] { 1 };
        for (var k = 0; k < p.OpenDeals.Length; k++)
        {
            var chance = company.ChanceInQuarter(k);
            distribution = [.. Enumerable.Range(0, distribution.Length + 1).Select(x =>
                (x < distribution.Length ? distribution[x] * (1 - chance) : 0) + (x > 0 ? distribution[x - 1] * chance : 0))];
        }

        var flow = company.AtomSlotsInQuarter().Sum(x => p.AtomWins[x.Atom][x.Slot]);
        var poisson = Enumerable.Range(0, 200).Select(x => Math.Exp((x * Math.Log(flow)) - flow - LogFactorial(x))).ToArray();
        var total = new double[distribution.Length + poisson.Length];
        for (var x = 0; x < distribution.Length; x++)
        {
            for (var y = 0; y < poisson.Length; y++)
            {
                total[x + y] += distribution[x] * poisson[y];
            }
        }

        double Quantile(double q)
        {
            var cumulative = 0.0;
            for (var x = 0; x < total.Length; x++)
            {
                cumulative += total[x];
                if (cumulative >= q)
                {
                    return x;
                }
            }

            return total.Length;
        }

        var row = Assert.Single(company.Model.Forecast(new ForecastQuery { Indicators = [ForecastIndicators.WonDeals], Period = company.Quarter, By = [] }));

        Assert.True(Quantile(0.9) - Quantile(0.5) >= 5, "the test can tell P90 from P50");
        Assert.InRange((double)row.P10!.Value, Quantile(0.1) - 1, Quantile(0.1) + 1);
        Assert.InRange((double)row.P50!.Value, Quantile(0.5) - 1, Quantile(0.5) + 1);
        Assert.InRange((double)row.P90!.Value, Quantile(0.9) - 1, Quantile(0.9) + 1);
    }

    [Fact]
    public void BookingsQuantiles_AreThoseOfIndependentDealsAndALogNormalFlow_ByAMonteCarloOfItsOwn()
    {
        // The same futures in amounts: each open deal books its won amount with its chance; each atom's new wins in a
        // month (Poisson) book a log-normal sum with their mean and spread, as the model defines them. 100,000 draws of
        // the test's own give the quantiles to about 0.006 σ; the forecast's 2,000 futures to about 0.04 σ (P10, P90) —
        // within 0.15 σ together at about 3.5 standard errors, where P50 is 1.28 σ below P90.
        var p = company.Projection;
        var random = new Random(15);
        var atoms = company.AtomSlotsInQuarter().ToArray();
        var totals = new double[100_000];
        for (var d = 0; d < totals.Length; d++)
        {
            var sum = 0.0;
            for (var k = 0; k < p.OpenDeals.Length; k++)
            {
                sum += random.NextDouble() < company.ChanceInQuarter(k) ? p.WonAmount[k] : 0;
            }

            foreach (var (a, s) in atoms)
            {
                var won = Poisson(random, p.AtomWins[a][s]);
                if (won > 0)
                {
                    var cv = p.AtomSd[a][s] / p.AtomMean[a][s];
                    var variance = Math.Log(1 + (cv * cv / won));
                    sum += won * p.AtomMean[a][s] * Math.Exp((Math.Sqrt(variance) * Normal(random)) - (variance / 2));
                }
            }

            totals[d] = sum;
        }

        Array.Sort(totals);
        var sigma = Math.Sqrt(totals.Select(x => x * x).Average() - (totals.Average() * totals.Average()));
        double Quantile(double q) => totals[(int)(q * (totals.Length - 1))];

        var row = Assert.Single(company.Model.Forecast(new ForecastQuery { Indicators = [ForecastIndicators.Bookings], Period = company.Quarter, By = [] }));

        Assert.InRange((double)row.P10!.Value, Quantile(0.1) - (0.15 * sigma), Quantile(0.1) + (0.15 * sigma));
        Assert.InRange((double)row.P50!.Value, Quantile(0.5) - (0.15 * sigma), Quantile(0.5) + (0.15 * sigma));
        Assert.InRange((double)row.P90!.Value, Quantile(0.9) - (0.15 * sigma), Quantile(0.9) + (0.15 * sigma));
    }

    [Fact]
    public void NewLogosFromOpenDeals_AreTheAccountsWithoutAWinWhoseOpenDealsWinInTheQuarter()
    {
        // Deals spread over 2,000 accounts, so most have never won. At the quarter's first instant an account without a
        // win becomes a logo of the quarter through its open deals when at least one of them is won in it: with
        // independent deals, 1 − Π(1 − chance) over its open deals; the part is the mean over the futures, within 4
        // standard errors of the sum of those (each account a Bernoulli trial).
        var data = SmallCompany.Generate(9, accountCount: 2_000);
        var model = ForecastModel.Fit(data, company.AsOf, company.Options, cancellation: TestContext.Current.CancellationToken);
        var p = model.ProjectionFor(new ScenarioEffects(model.Parts, Scenario.Base), company.Quarter.End);
        Assert.True(p.WinShockVariance == 0 && p.RepShockVariance == 0, "deals are independent");
        var account = data.Opportunities.ToDictionary(o => o.OpportunityId, o => o.AccountId);
        var won = data.Opportunities.Where(o => o.Status == OpportunityStatus.Won && o.ClosedAt < company.AsOf).Select(o => o.AccountId).ToHashSet();
        var logos = Enumerable.Range(0, p.OpenDeals.Length)
            .Where(k => !p.NotYetCreated[k] && !won.Contains(account[model.Parts.Facts.Id[p.OpenDeals[k]]]))
            .GroupBy(k => account[model.Parts.Facts.Id[p.OpenDeals[k]]])
            .Select(g => 1 - g.Aggregate(1.0, (none, k) => none * (1 - IndependentDealsCompany.ChanceIn(p, company.Quarter, k))))
            .ToList();
        var (expected, variance) = (logos.Sum(), logos.Sum(x => x * (1 - x)));

        var row = Assert.Single(model.Forecast(new ForecastQuery { Indicators = [ForecastIndicators.NewLogos], Period = company.Quarter, By = [] }));

        var error = 4 * Math.Sqrt(variance / company.Options.Simulations);
        Assert.True(expected >= 5, $"{expected:F1} new logos expected from open deals");
        Assert.InRange((double)row.Parts![DealForecast.OpenPipeline], expected - error, expected + error);
    }

    [Fact]
    public void RevenueOfNewBookings_IsAThirdOfWhatTheProcessWinsInTheMonthBefore()
    {
        // Each won deal is recognised a third a month over the three months after its month. At 1 May the ledger knows
        // March and April's wins; June's revenue from bookings still to come is a third of what May will win.
        var t = SmallCompany.At("2025-05-01");
        var model = ForecastModel.Fit(company.Data, t, company.Options, cancellation: TestContext.Current.CancellationToken);
        var (open, notYetCreated) = SmallCompanyFuture.Of(company.Data, t, FiscalCalendar.Default.Parse("2025-05"), expansion: true);
        var expected = (open.Values.Sum(e => e.Bookings) + notYetCreated.Values.Sum(e => e.Bookings)) / 3;

        var june = Assert.Single(model.Forecast(new ForecastQuery { Indicators = [ForecastIndicators.Revenue], Period = FiscalCalendar.Default.Parse("2025-06"), By = [] }));

        Assert.InRange((double)june.Parts![LedgerForecast.NewBookings], expected * (1 - FitTolerance), expected * (1 + FitTolerance));
    }

    private static double LogFactorial(int n) => Enumerable.Range(1, n).Sum(k => Math.Log(k));

    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var product = random.NextDouble();
        var n = 0;
        while (product > limit)
        {
            n++;
            product *= random.NextDouble();
        }

        return n;
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

/// <summary>
/// The small company with expansion deals (seed 9, whose deals the forecaster reads as independent: no common, rep or
/// rate shock), its forecast model at the first instant of 2025-Q2 and that quarter's projection, and what its own
/// process makes of the quarter.
/// </summary>
public sealed class IndependentDealsCompany
{
    public IndependentDealsCompany()
    {
        Data = SmallCompany.Generate(9, expansion: true);
        Model = ForecastModel.Fit(Data, AsOf, Options);
        Projection = Model.ProjectionFor(new ScenarioEffects(Model.Parts, Scenario.Base), Quarter.End);
        if (Projection.WinShockVariance != 0 || Projection.RepShockVariance != 0 || Projection.RateShockVariance.Any(v => v != 0))
        {
            throw new InvalidOperationException("the tests of this company need deals without common shocks: choose another seed");
        }

        Future = SmallCompanyFuture.Of(Data, AsOf, Quarter, expansion: true);
    }

    public DateTimeOffset AsOf { get; } = SmallCompany.At("2025-04-01");

    public Period Quarter { get; } = FiscalCalendar.Default.Parse("2025-Q2");

    public ForecastOptions Options { get; } = new();

    public Data.Dataset Data { get; }

    internal ForecastModel Model { get; }

    internal Projection Projection { get; }

    internal (Dictionary<OpportunityType, SmallCompanyFuture.Expected> Open, Dictionary<OpportunityType, SmallCompanyFuture.Expected> NotYetCreated) Future { get; }

    /// <summary>An open deal's (or pending renewal's) chance of being won inside the quarter.</summary>
    internal double ChanceInQuarter(int openDeal) => ChanceIn(Projection, Quarter, openDeal);

    /// <summary>An open deal's (or pending renewal's) chance of being won inside a period, by a projection reaching it.</summary>
    internal static double ChanceIn(Projection projection, Period period, int openDeal) =>
        Enumerable.Range(0, projection.Horizon.Slots).Where(s => period.Contains(projection.Horizon.SlotMonth[s])).Sum(s => projection.SlotWin[openDeal][s]);

    /// <summary>Every atom and slot of the quarter.</summary>
    internal IEnumerable<(int Atom, int Slot)> AtomSlotsInQuarter() =>
        from a in Enumerable.Range(0, Projection.Atoms.Length)
        from s in Enumerable.Range(0, Projection.Horizon.Slots)
        where Quarter.Contains(Projection.Horizon.SlotMonth[s])
        select (a, s);
}
