using System.Globalization;
using Bellwether.Core.Demo;

namespace Bellwether.Core.Tests.Demo;

/// <summary>
/// The demo's plans are set during each fiscal year's last quarter for the next year, as a real company sets them, so
/// that from the last quarter's first day on the quarter after now always has a plan.
/// </summary>
public sealed class DemoPlanTests
{
    private static readonly (string Pillar, string Metric, string Owner)[] Pillars =
    [
        ("new_business", "bookings", "President"),
        ("retention", "grr", "COO"),
        ("expansion", "expansion_revenue", "President"),
        ("cost_model", "operating_margin", "CFO"),
    ];

    /// <summary>History ending inside the last fiscal quarter, on its first day, or the day before it begins (now is its first day).</summary>
    [Theory]
    [InlineData("2026-12-02", 1, "2027-Q1", new[] { "2027-01", "2027-02", "2027-03" }, "2027")]
    [InlineData("2026-10-01", 1, "2027-Q1", new[] { "2027-01", "2027-02", "2027-03" }, "2027")]
    [InlineData("2026-09-30", 1, "2027-Q1", new[] { "2027-01", "2027-02", "2027-03" }, "2027")]
    // Fiscal years from April, named by the year they end in: 2026 runs April 2025 to March 2026, 2027-Q1 is April-June 2026.
    [InlineData("2026-02-15", 4, "2027-Q1", new[] { "2026-04", "2026-05", "2026-06" }, "2027")]
    public void HistoryEndingInTheLastFiscalQuarter_HasPlansForTheNextQuarter_ForAllFourPillars(string historyEnd, int firstMonth, string nextQuarter, string[] months, string nextYear)
    {
        var plans = Plans(historyEnd, firstMonth);

        foreach (var (pillar, metric, owner) in Pillars)
        {
            foreach (var period in months.Append(nextQuarter).Append(nextYear))
            {
                Assert.True(plans.Any(r => r[0] == pillar && r[1] == metric && r[2] == period && r[4] == owner), $"no {pillar} {metric} plan for {period}");
            }
        }

        decimal Bookings(string period) => plans
            .Where(r => r[0] == "new_business" && r[2] == period && r[5] == "type=new_business")
            .Select(r => decimal.Parse(r[3], CultureInfo.InvariantCulture)).Single();
        Assert.Equal(Bookings(nextQuarter), months.Sum(Bookings));
    }

    [Fact]
    public void HistoryEndingBeforeTheLastQuarter_HasNoPlanForTheNextYearYet()
    {
        var plans = Plans("2026-09-29", 1);

        Assert.Contains(plans, r => r[2] == "2026-Q4");
        Assert.DoesNotContain(plans, r => r[2].StartsWith("2027", StringComparison.Ordinal));
    }

    private static IReadOnlyList<string[]> Plans(string historyEnd, int firstMonth) =>
        new DemoFiles(new DemoOptions
        {
            Years = 1,
            Seed = 3,
            HistoryEnd = DateOnly.ParseExact(historyEnd, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            FiscalYearFirstMonth = firstMonth,
        }).Table("plans.csv").Rows;
}
