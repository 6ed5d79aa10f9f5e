using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Indicators;

public sealed class IndicatorsCommandTests : IDisposable
{
    private readonly SmallCompany _company = new();

    public IndicatorsCommandTests() => Assert.Equal(0, _company.Import().ExitCode);

    [Theory]
    [InlineData("bookingz --period 2025-Q1", "bellwether: \"bookingz\" is not an indicator (nearest: bookings)")]
    [InlineData("bookings --period 2025-Q5", "bellwether: --period \"2025-Q5\" is not a period: a quarter is Q1 to Q4")]
    [InlineData("bookings --period 2025-03 --grain quarter", "bellwether: --grain quarter: a month cannot be split into quarters")]
    [InlineData("bookings --period 2025 --by rep,vertical,team", "bellwether: --by rep,vertical,team: at most two dimensions")]
    [InlineData("bookings --period 2025 --by colour", "bellwether: --by colour: not a dimension (rep, team, manager, rep_region, account, vertical, account_region, service_line, type, source, channel, activity_type)")]
    [InlineData("bookings --period 2025 --as-of yesterday", "bellwether: --as-of \"yesterday\" is not a date or instant (expected 2025-03-31 or 2025-03-31T14:05:00Z)")]
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

    [Fact]
    public void List_AsATable_NamesFilesWithoutExtensions_AndSaysWhyAnIndicatorIsMissing()
    {
        var result = CliRunner.Run("indicators", "--list", "--db", _company.Db);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Availability in {_company.Db}:", result.Out, StringComparison.Ordinal);
        Assert.Contains("│ no: no", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("opportunitie", result.Out.Replace("opportunities", "", StringComparison.Ordinal), StringComparison.Ordinal); // never cut mid-word
        Assert.All(result.Out.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 100, line));
    }

    // The small company with a 2024 behind it: O3 won and O4–O6 lost in 2024 (trailing win rate 1 / 4 as of any instant
    // in 2025-Q1), and O2 (2500, open) expected to close on 20 March 2025.
    private const string WithHistory = """
        opportunity_id,account_id,owner_rep_id,service_line,type,amount,created_at,expected_close_date,stage,status,closed_at
        O1,A1,R1,Consulting,new_business,1000,2025-01-10,,Won,won,2025-02-15
        O2,A2,R2,Training,expansion,2500,2025-01-12,2025-03-20,Proposal,open,
        O3,A1,R1,Consulting,new_business,400,2024-02-01,,Won,won,2024-03-10
        O4,A2,R2,Training,new_business,700,2024-04-01,,Lost,lost,2024-06-15
        O5,A1,R1,Consulting,expansion,300,2024-07-01,,Lost,lost,2024-10-20
        O6,A2,R2,Training,new_business,900,2024-08-01,,Lost,lost,2024-12-01
        """;

    [Theory]
    [InlineData("5000", 16000, 0.625)] // 5000 − 1000 booked = 4000 to go: 4000 / 0.25; coverage 2500 / 4000
    [InlineData("3000", 8000, 1.25)] // 2000 to go: 2000 / 0.25; coverage 2500 / 2000
    public void Target_SetsTheRequiredPipelineAndCoverage(string target, double required, double coverage)
    {
        using var company = new SmallCompany(new Dictionary<string, string> { ["opportunities.csv"] = WithHistory });
        Assert.Equal(0, company.Import().ExitCode);

        // As of the end of 28 February 2025: O1 (1000) is booked; the trailing 4 quarters are 2024-Q1 to 2024-Q4.
        var result = CliRunner.Run("indicators", "required_pipeline", "pipeline_coverage", "--period", "2025-Q1", "--as-of", "2025-02-28", "--target", target, "--db", company.Db, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var rows = JsonRow.Parse(result.Out);
        Assert.Equal((decimal)required, JsonRow.Find(rows, "required_pipeline", "2025-Q1"));
        Assert.Equal((decimal)coverage, JsonRow.Find(rows, "pipeline_coverage", "2025-Q1"));
    }

    [Fact]
    public void Target_AlreadyMet_NeedsNoPipelineAndCoverageSaysSo()
    {
        using var company = new SmallCompany(new Dictionary<string, string> { ["opportunities.csv"] = WithHistory });
        Assert.Equal(0, company.Import().ExitCode);

        var result = CliRunner.Run("indicators", "required_pipeline", "pipeline_coverage", "--period", "2025-Q1", "--as-of", "2025-02-28", "--target", "800", "--db", company.Db, "--format", "json");

        var rows = JsonRow.Parse(result.Out);
        Assert.Equal(0m, JsonRow.Find(rows, "required_pipeline", "2025-Q1")); // max(0, 800 − 1000) / 0.25
        var coverage = Assert.Single(rows, r => r.Indicator == "pipeline_coverage");
        Assert.Null(coverage.Value);
        Assert.Equal("target met", coverage.MissingReason);
    }

    [Fact]
    public void GrainDay_GivesARowPerDayOfTheWeek()
    {
        // 2025-W07 is Monday 10 to Sunday 16 February 2025; O1 closed on Saturday the 15th.
        var result = CliRunner.Run("indicators", "bookings", "--period", "2025-W07", "--grain", "day", "--as-of", "2025-06-30", "--db", _company.Db, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var rows = JsonRow.Parse(result.Out);
        Assert.Equal(["2025-02-10", "2025-02-11", "2025-02-12", "2025-02-13", "2025-02-14", "2025-02-15", "2025-02-16"], rows.Select(r => r.Period));
        Assert.Equal([0m, 0m, 0m, 0m, 0m, 1000m, 0m], rows.Select(r => r.Value!.Value));
    }

    [Fact]
    public void ByAccount_GivesARowPerAccount()
    {
        var result = CliRunner.Run("indicators", "bookings", "open_pipeline", "--period", "2025-Q1", "--by", "account", "--as-of", "2025-06-30", "--db", _company.Db, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var rows = JsonRow.Parse(result.Out);
        Assert.Equal(1000m, JsonRow.Find(rows, "bookings", "2025-Q1", "account", "A1")); // O1
        Assert.Equal(0m, JsonRow.Find(rows, "bookings", "2025-Q1", "account", "A2"));
        Assert.Equal(0m, JsonRow.Find(rows, "open_pipeline", "2025-Q1", "account", "A1")); // O1 closed in February
        Assert.Equal(2500m, JsonRow.Find(rows, "open_pipeline", "2025-Q1", "account", "A2")); // O2, open at the end of March
    }

    public void Dispose() => _company.Dispose();
}
