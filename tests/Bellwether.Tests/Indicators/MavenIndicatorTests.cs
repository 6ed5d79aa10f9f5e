using System.Globalization;
using Bellwether.Testing;
using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Indicators;

/// <summary>
/// Indicators of the real maven-crm data, imported through its preset into a real DuckDB file and asked through the
/// command line, against the same numbers computed here straight from the raw CSV files with LINQ.
/// </summary>
public sealed class MavenIndicatorTests : IClassFixture<MavenIndicatorTests.Store>
{
    private static readonly string[] Quarters = ["2017-Q1", "2017-Q2", "2017-Q3", "2017-Q4"];
    private readonly Store _store;

    public MavenIndicatorTests(Store store) => _store = store;

    public static TheoryData<string> Slicings => new() { "", "service_line", "vertical" };

    [Theory]
    [MemberData(nameof(Slicings))]
    public void DealIndicatorsPerQuarterOf2017_MatchTheRawFiles(string slicing)
    {
        var dimension = slicing.Length == 0 ? null : slicing;
        var args = new List<string> { "indicators", "bookings", "won_deals", "lost_deals", "win_rate", "cycle_days", "cycle_days_median", "--period", "2017", "--grain", "quarter", "--db", _store.Db, "--format", "json" };
        if (dimension is not null)
        {
            args.AddRange(["--by", dimension]);
        }

        var result = CliRunner.Run([.. args]);
        Assert.Equal(0, result.ExitCode);
        var rows = JsonRow.Parse(result.Out);

        var checkedGroups = 0;
        foreach (var quarter in Quarters)
        {
            var (start, end) = Span(quarter);
            var closed = _store.Deals.Where(d => d.Closed >= start && d.Closed < end && d.Status != "open");
            foreach (var group in closed.GroupBy(d => dimension switch { "service_line" => d.ServiceLine, "vertical" => d.Vertical, _ => "" }))
            {
                var won = group.Where(d => d.Status == "won").ToList();
                var lost = group.Count(d => d.Status == "lost");
                decimal? Actual(string indicator) => JsonRow.Find(rows, indicator, quarter, dimension, dimension is null ? null : group.Key);

                Assert.Equal(won.Sum(d => d.Amount), Actual("bookings"));
                Assert.Equal(won.Count, Actual("won_deals"));
                Assert.Equal(lost, Actual("lost_deals"));
                AssertClose((decimal)won.Count / (won.Count + lost), Actual("win_rate"));
                if (won.Count > 0)
                {
                    var cycles = won.Select(d => (decimal)(d.Closed!.Value - d.Created).TotalDays).Order().ToList();
                    AssertClose(cycles.Average(), Actual("cycle_days"));
                    var median = cycles.Count % 2 == 1 ? cycles[cycles.Count / 2] : (cycles[(cycles.Count / 2) - 1] + cycles[cycles.Count / 2]) / 2;
                    AssertClose(median, Actual("cycle_days_median"));
                }

                checkedGroups++;
            }
        }

        Assert.True(checkedGroups >= (dimension is null ? 4 : 12), $"only {checkedGroups} groups had closed deals");
    }

    [Theory]
    [InlineData("2017-Q1")]
    [InlineData("2017-Q2")]
    [InlineData("2017-Q3")]
    public void OpenPipelineAtTheEndOfEachOfTheFirstThreeQuarters_MatchesTheRawFiles(string quarter)
    {
        var (_, end) = Span(quarter);
        var open = _store.Deals.Where(d => d.Created < end && !(d.Closed < end)).ToList();

        var result = CliRunner.Run("indicators", "open_pipeline", "open_deals", "--period", quarter, "--db", _store.Db, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var rows = JsonRow.Parse(result.Out);
        Assert.Equal(open.Sum(d => d.Amount), JsonRow.Find(rows, "open_pipeline", quarter));
        Assert.Equal(open.Count, JsonRow.Find(rows, "open_deals", quarter));
        Assert.True(open.Count > 500);
    }

    private static (DateTime Start, DateTime End) Span(string quarter)
    {
        var q = quarter[^1] - '0';
        var start = new DateTime(2017, (3 * (q - 1)) + 1, 1);
        return (start, start.AddMonths(3));
    }

    private static void AssertClose(decimal expected, decimal? actual) =>
        Assert.True(actual is { } a && Math.Abs(a - expected) <= 1e-9m * Math.Max(1, Math.Abs(expected)), $"expected {expected}, got {actual}");

    public sealed record Deal(string Status, DateTime Created, DateTime? Closed, decimal Amount, string ServiceLine, string Vertical);

    /// <summary>The maven-crm data imported once for the class, and the raw deals read independently.</summary>
    public sealed class Store : IDisposable
    {
        private readonly TempFolder _temp = new();

        public Store()
        {
            var folder = SharedData.Folder("maven-crm");
            Db = _temp.File("maven.duckdb");
            var import = CliRunner.Run("import", folder, "--preset", "maven-crm", "--db", Db);
            Assert.Equal(0, import.ExitCode);

            // Independently of the preset: the rules of the preset's definition, written again here.
            var sectors = RawCsv.Read(Path.Combine(folder, "accounts.csv"))
                .ToDictionary(a => a["account"], a => a["sector"] == "technolgy" ? "technology" : a["sector"]);
            var prices = RawCsv.Read(Path.Combine(folder, "products.csv"))
                .ToDictionary(p => p["product"], p => decimal.Parse(p["sales_price"], CultureInfo.InvariantCulture));
            Deals =
            [
                .. RawCsv.Read(Path.Combine(folder, "sales_pipeline.csv")).Select(r =>
                {
                    var product = r["product"] == "GTXPro" ? "GTX Pro" : r["product"];
                    var status = r["deal_stage"] switch { "Won" => "won", "Lost" => "lost", _ => "open" };
                    return new Deal(
                        status,
                        r["engage_date"].Length == 0 ? new DateTime(2017, 12, 31) : DateTime.Parse(r["engage_date"], CultureInfo.InvariantCulture),
                        r["close_date"].Length == 0 ? null : DateTime.Parse(r["close_date"], CultureInfo.InvariantCulture),
                        status == "won" ? decimal.Parse(r["close_value"], CultureInfo.InvariantCulture) : prices[product],
                        product,
                        r["account"].Length == 0 ? "unknown" : sectors[r["account"]]);
                }),
            ];
        }

        public string Db { get; }

        public IReadOnlyList<Deal> Deals { get; }

        public void Dispose() => _temp.Dispose();
    }
}
