using Bellwether.Core.Data;
using Bellwether.Core.Finance;
using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.Signals;
using static Bellwether.Core.Tests.Indicators.Fixture;

namespace Bellwether.Core.Tests.Signals;

public sealed class CostModelSignalsTests
{
    // 16 May 2017: of 2017-Q2 only April is over.
    private static readonly DateTimeOffset AsOf = At("2017-05-16");

    /// <summary>
    /// Revenue 1000 a month with cogs 400 from April 2016 to April 2017; expenses 100 sales salaries, 50 marketing and
    /// 250 G&amp;A a month, 350 G&amp;A in 2017-Q1. Operating margin: (1000 − 400 − 400) / 1000 = 20% a month, 10% in 2017-Q1.
    /// </summary>
    private static Dataset Company(params PlanLine[] plans)
    {
        var months = Enumerable.Range(0, 13).Select(k => Day("2016-04-01").AddMonths(k)).ToList();
        return Bellwether.Core.Tests.Indicators.Fixture.Company(Won("w1", 1000, "2016-03-01", "2016-05-01")) with
        {
            Revenue = [.. months.Select(m => new RevenueLine { AccountId = "a1", Month = m, ServiceLine = "consulting", Revenue = 1000, Cogs = 400 })],
            Expenses =
            [
                .. months.SelectMany(m => new[]
                {
                    new Expense { Month = m, Category = ExpenseCategory.SalesSalaries, Amount = 100 },
                    new Expense { Month = m, Category = ExpenseCategory.Marketing, Amount = 50 },
                    new Expense { Month = m, Category = ExpenseCategory.GAndA, Amount = m.Year == 2017 && m.Month <= 3 ? 350 : 250 },
                }),
            ],
            Plans = plans,
        };
    }

    private static Signal Named(Dataset data, string name)
    {
        var context = new SignalContext { Engine = new IndicatorEngine(data), AsOf = AsOf, Period = data.Settings.Calendar.Parse("2017-Q2"), Plans = data.Plans };
        return Assert.Single(PillarSignals.Of(context, null, Pillar.CostModel), s => s.Name == name);
    }

    [Fact]
    public void OperatingMargin_AgainstItsPlan()
    {
        var plan = new PlanLine { Pillar = Pillar.CostModel, Metric = "operating_margin", Period = "2017-Q2", Target = 0.25m, Owner = "CFO" };

        var s = Named(Company(plan), "operating_margin");

        // 20% against 25%: attainment 0.8, off track.
        Assert.Equal(0.2m, s.Value);
        Assert.Equal(0.25m, s.Reference);
        Assert.Equal("plan", s.ReferenceKind);
        Assert.Equal(SignalStatus.OffTrack, s.Status);
        Assert.Equal("Operating margin 20.0% in 2017-Q2 so far (months over only), against the plan's 25.0% (CFO).", s.Summary);
    }

    [Fact]
    public void OperatingMargin_WithoutAPlan_AgainstTheMeanOfTheFourQuartersBefore()
    {
        var s = Named(Company(), "operating_margin");

        // (20% + 20% + 20% + 10%) / 4 = 17.5%; 20% is better: on track.
        Assert.Equal(0.175m, s.Reference);
        Assert.Equal("benchmark", s.ReferenceKind);
        Assert.Equal(SignalStatus.OnTrack, s.Status);
        Assert.EndsWith("against 17.5% on average over 2016-Q2 to 2017-Q1 (no plan).", s.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Cac_LowerIsBetter_AndMissingWithTheReasonWhenThereIsNoNewLogo()
    {
        var s = Named(Company(), "cac");

        Assert.True(s.LowerIsBetter);
        Assert.Null(s.Value);
        Assert.Equal("no new logos in 2017-Q2", s.MissingReason);
        Assert.Null(s.Status);
    }
}
