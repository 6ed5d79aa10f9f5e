using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Indicators;

public sealed class IndicatorsCommandTests : IDisposable
{
    private readonly SmallCompany _company = new();

    public IndicatorsCommandTests() => Assert.Equal(0, _company.Import().ExitCode);

    [Theory]
    [InlineData("bookingz --period 2025-Q1", "bellwether: bookingz: no such indicator (see `bellwether indicators --list`)")]
    [InlineData("bookings --period 2025-Q5", "bellwether: --period \"2025-Q5\" is not a period: a quarter is Q1 to Q4")]
    [InlineData("bookings --period 2025-03 --grain quarter", "bellwether: --grain quarter: a month cannot be split into quarters")]
    [InlineData("bookings --period 2025 --by rep,vertical,team", "bellwether: --by rep,vertical,team: at most two dimensions")]
    [InlineData("bookings --period 2025 --by colour", "bellwether: --by colour: not a dimension (rep, team, manager, rep_region, account, vertical, account_region, service_line, type, source, channel, activity_type)")]
    [InlineData("bookings --period 2025 --as-of yesterday", "bellwether: --as-of yesterday: not a date or instant (expected 2025-03-31 or 2025-03-31T14:05:00Z)")]
    public void BadArguments_FailWithOneLineNamingTheOption(string arguments, string expected)
    {
        var result = CliRunner.Run(["indicators", .. arguments.Split(' '), "--db", _company.Db]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(expected, result.Err.Trim());
    }

    [Fact]
    public void UnknownOption_FailsWithOneLine()
    {
        var result = CliRunner.Run("indicators", "bookings", "--perid", "2025", "--db", _company.Db);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("bellwether: --perid: no such option (see `bellwether indicators --help`)", result.Err.Trim());
    }

    [Fact]
    public void Csv_HasOneLinePerRow_WithTheContractColumns()
    {
        var result = CliRunner.Run("indicators", "bookings", "won_deals", "--period", "2025-Q1", "--as-of", "2025-06-30", "--db", _company.Db, "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            """
            indicator,period,as_of,slice,value,unit,provisional,provisional_reason,missing_reason,detail,detail_rank,detail_item,detail_fields
            bookings,2025-Q1,2025-07-01T00:00:00Z,,1000,money,false,,,,,,
            won_deals,2025-Q1,2025-07-01T00:00:00Z,,1,count,false,,,,,,
            """,
            result.Out.Trim().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void MissingFile_IsReportedAsMissingWithTheReason_NeverZero()
    {
        var result = CliRunner.Run("indicators", "revenue", "--period", "2025-Q1", "--db", _company.Db, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var row = Assert.Single(JsonRow.Parse(result.Out));
        Assert.Null(row.Value);
        Assert.Equal("no revenue.csv", row.MissingReason);
    }

    [Fact]
    public void Chart_WritesAPicture()
    {
        var picture = Path.Combine(_company.TempPath, "bookings.png");

        var result = CliRunner.Run("indicators", "bookings", "--period", "2025", "--grain", "month", "--by", "vertical", "--chart", picture, "--db", _company.Db);

        Assert.Equal(0, result.ExitCode);
        var bytes = File.ReadAllBytes(picture);
        Assert.True(bytes.Length > 1000);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
    }

    [Fact]
    public void List_SaysWhatIsAvailableInThisStore()
    {
        var result = CliRunner.Run("indicators", "--list", "--db", _company.Db, "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("win_rate,ratio,won_deals / (won_deals + lost_deals),opportunities.csv,opportunity_history.csv,true,", result.Out, StringComparison.Ordinal);
        Assert.Contains(",false,no revenue.csv", result.Out, StringComparison.Ordinal);
        Assert.Contains("quota_attainment,ratio,per rep: the quota's metric in P / the rep's quota for P,quotas.csv,opportunities.csv activities.csv reps.csv opportunity_history.csv,true,", result.Out, StringComparison.Ordinal);
    }

    public void Dispose() => _company.Dispose();
}
