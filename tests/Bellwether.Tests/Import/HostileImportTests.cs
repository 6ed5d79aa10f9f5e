using System.Text;
using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Import;

/// <summary>
/// Files made to hurt: what a rejected import may cost (bounded by the input, not by its errors), bytes that are not
/// UTF-8, a folder where a file belongs, dates no business has. Each is named in one line and nothing is stored.
/// </summary>
public sealed class HostileImportTests
{
    private const string ActivityHeader = "activity_id,rep_id,type,occurred_at,account_id,opportunity_id,lead_id,outcome,duration_minutes";

    [Fact]
    public void RowsOfCommas_AreCountedBeyondTheFirstThousandPerColumn_SoTheReportStaysNearTheInputsSize()
    {
        using var company = new SmallCompany();
        const int rows = 5_000;
        var input = Path.Combine(company.Folder, "activities.csv");
        File.WriteAllText(input, ActivityHeader + "\n" + string.Concat(Enumerable.Repeat(",,,,,\n", rows)));

        var result = company.Import();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("bellwether: import rejected, nothing stored: 5,000 errors", result.Err, StringComparison.Ordinal);
        var errors = File.ReadAllLines(Path.Combine(company.Report, "errors.csv"));
        Assert.Equal(1 + 1_000, errors.Length); // the header and the first thousand of the file's row-width errors
        Assert.Equal("activities.csv,2,,,has 6 fields; the header has 9", errors[1]);
        var report = File.ReadAllLines(Path.Combine(company.Report, "report.txt"));
        Assert.Contains("activities.csv: 4,000 more not listed, such as: has 6 fields; the header has 9", report);
        Assert.Contains(report, l => l.StartsWith("5,000 errors (the first 1,000 of each file and column listed", StringComparison.Ordinal));

        // The quarantine holds the rejected rows as they were, so the report is about twice the input, not 100 times.
        var reportBytes = Directory.EnumerateFiles(company.Report, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Assert.InRange(reportBytes, new FileInfo(input).Length, 4 * new FileInfo(input).Length + 200_000);
        Assert.False(File.Exists(company.Db));
    }

    [Fact]
    public void BytesThatAreNotUtf8_AreRejected_NamingLineAndColumn()
    {
        using var company = new SmallCompany();
        var latin1 = Encoding.Latin1.GetBytes("rep_id,name,team,manager_id,role,start_date\nM1,Maria Manager,East,,manager,2023-01-01\nR1,Ren\u00e9e Rep,East,M1,ae,2024-01-15\nR2,Raj Rep,East,M1,ae,2024-03-01\n");
        File.WriteAllBytes(Path.Combine(company.Folder, "reps.csv"), latin1);

        var result = company.Import();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("reps.csv:3 name: \"Ren\uFFFDe Rep\" has bytes that are not UTF-8 text: save the file as UTF-8", result.Err.Split('\n'));
        Assert.False(File.Exists(company.Db));
    }

    [Fact]
    public void TextThatIsUtf8_IsStoredAsWritten()
    {
        using var company = new SmallCompany();
        company.Write("reps.csv", "rep_id,name,team,manager_id,role,start_date\nM1,Maria Manager,East,,manager,2023-01-01\nR1,Ren\u00e9e R\u00f8p \u6771,East,M1,ae,2024-01-15\nR2,Raj Rep,East,M1,ae,2024-03-01");

        var result = company.Import();
        var reps = CliRunner.Run("indicators", "bookings", "--period", "2025-Q1", "--by", "rep", "--db", company.Db);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Ren\u00e9e R\u00f8p \u6771", reps.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void AFolderNamedLikeAFile_IsAnError_NotSkipped()
    {
        using var company = new SmallCompany();
        Assert.Equal(0, company.Import().ExitCode);
        var before = StoreFingerprint.Of(company.Db);
        company.Delete("opportunities.csv");
        Directory.CreateDirectory(Path.Combine(company.Folder, "opportunities.csv"));

        var result = company.Import();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("opportunities.csv: is a folder, not a file", result.Err.Split('\n'));
        Assert.Equal(before, StoreFingerprint.Of(company.Db));
    }

    [Fact]
    public void ARejectedImportIntoAnExistingStore_KeepsTheStore()
    {
        using var company = new SmallCompany();
        Assert.Equal(0, company.Import().ExitCode);
        var before = StoreFingerprint.Of(company.Db);
        company.Write("opportunities.csv", "opportunity_id,account_id,owner_rep_id,service_line,type,amount,created_at,stage,status,closed_at\nO1,A1,R1,Consulting,new_business,abc,2025-01-10,Won,won,2025-02-15");

        var result = company.Import();

        Assert.Equal(2, result.ExitCode);
        Assert.True(File.Exists(company.Db));
        Assert.Equal(before, StoreFingerprint.Of(company.Db));
    }

    [Theory]
    [InlineData("--period", "9999", "bellwether: --period \"9999\" is outside the years Bellwether supports (1970 to 2100)")]
    [InlineData("--period", "1969-Q4", "bellwether: --period \"1969-Q4\" is outside the years Bellwether supports (1970 to 2100)")]
    [InlineData("--as-of", "9999-12-31", "bellwether: --as-of \"9999-12-31\" is outside the dates Bellwether supports (1970-01-01 to 2100-12-31)")]
    [InlineData("--as-of", "0001-01-01T00:00:00Z", "bellwether: --as-of \"0001-01-01T00:00:00Z\" is outside the dates Bellwether supports (1970-01-01 to 2100-12-31)")]
    public void DatesNoBusinessHas_OnTheCommandLine_AreOneClearLine(string option, string value, string expected)
    {
        using var company = new SmallCompany();
        Assert.Equal(0, company.Import().ExitCode);

        var result = CliRunner.Run("indicators", "bookings", option, value, "--db", company.Db);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(expected, result.Err.Trim());
    }
}
