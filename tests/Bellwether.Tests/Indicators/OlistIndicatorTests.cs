using System.Globalization;
using Bellwether.Testing;
using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Indicators;

/// <summary>Lead indicators of the real olist-funnel data against counts made straight from the raw CSV files.</summary>
public sealed class OlistIndicatorTests : IClassFixture<OlistIndicatorTests.Store>
{
    private readonly Store _store;

    public OlistIndicatorTests(Store store) => _store = store;

    [Theory]
    [InlineData("2017")]
    [InlineData("2018")]
    public void LeadsByChannelPerMonth_MatchTheRawFile(string year)
    {
        var result = CliRunner.Run("indicators", "leads", "--period", year, "--grain", "month", "--by", "channel", "--db", _store.Db, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var rows = JsonRow.Parse(result.Out);
        var expected = _store.Leads.Where(l => l.Created.Year.ToString(CultureInfo.InvariantCulture) == year)
            .GroupBy(l => (Month: l.Created.ToString("yyyy-MM", CultureInfo.InvariantCulture), l.Channel))
            .ToList();
        Assert.NotEmpty(expected);
        foreach (var group in expected)
        {
            Assert.Equal(group.Count(), JsonRow.Find(rows, "leads", group.Key.Month, "channel", group.Key.Channel));
        }

        Assert.Equal(expected.Sum(g => g.Count()), rows.Where(r => r.Value is not null).Sum(r => r.Value!.Value));
    }

    [Theory]
    [InlineData("2017")]
    [InlineData("2018")]
    public void LeadToWinRateByMonthlyCohort_MatchesTheRawFiles(string year)
    {
        var result = CliRunner.Run("indicators", "lead_to_win_rate", "--period", year, "--grain", "month", "--db", _store.Db, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var rows = JsonRow.Parse(result.Out);
        var cohorts = _store.Leads.Where(l => l.Created.Year.ToString(CultureInfo.InvariantCulture) == year)
            .GroupBy(l => l.Created.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        foreach (var cohort in cohorts)
        {
            var expected = (decimal)cohort.Count(l => l.Won) / cohort.Count();
            var actual = JsonRow.Find(rows, "lead_to_win_rate", cohort.Key);
            Assert.True(actual is { } a && Math.Abs(a - expected) < 1e-12m, $"{cohort.Key}: expected {expected}, got {actual}");
        }
    }

    public sealed record Lead(DateTime Created, string Channel, bool Won);

    public sealed class Store : IDisposable
    {
        private readonly TempFolder _temp = new();

        public Store()
        {
            var folder = SharedData.Folder("olist-funnel");
            Db = _temp.File("olist.duckdb");
            Assert.Equal(0, CliRunner.Run("import", folder, "--preset", "olist-funnel", "--db", Db).ExitCode);
            var won = RawCsv.Read(Path.Combine(folder, "olist_closed_deals_dataset.csv")).Select(d => d["mql_id"]).ToHashSet();
            Leads =
            [
                .. RawCsv.Read(Path.Combine(folder, "olist_marketing_qualified_leads_dataset.csv")).Select(l => new Lead(
                    DateTime.Parse(l["first_contact_date"], CultureInfo.InvariantCulture),
                    l["origin"].Length == 0 ? "unknown" : l["origin"],
                    won.Contains(l["mql_id"]))),
            ];
        }

        public string Db { get; }

        public IReadOnlyList<Lead> Leads { get; }

        public void Dispose() => _temp.Dispose();
    }
}
