using System.Globalization;
using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Import;

/// <summary>Where the report of an import with errors goes when --report is not given: a new folder in the working directory.</summary>
public sealed class ImportReportTests : IDisposable
{
    private const string OppHeader = "opportunity_id,account_id,owner_rep_id,service_line,type,amount,created_at,stage,status,closed_at";

    private readonly SmallCompany _company = new(new Dictionary<string, string>
    {
        ["opportunities.csv"] = $"""
            {OppHeader}
            O1,A1,R1,Consulting,new_business,1000,2025-01-10,Won,won,2025-02-15
            O2,A2,R2,Training,expansion,-5,2025-01-12,Proposal,open,
            """,
    });

    [Fact]
    public void ImportWithErrors_WithoutReport_WritesItsReportToANewFolderInTheWorkingDirectory()
    {
        var work = Path.Combine(_company.TempPath, "work");
        Directory.CreateDirectory(work);
        var before = DateTime.UtcNow;

        var result = CliRunner.RunInFolder(work, new Dictionary<string, string>(), "import", _company.Folder, "--db", _company.Db);

        var after = DateTime.UtcNow;
        Assert.True(result.ExitCode == 2, result.ToString());
        var report = Assert.Single(Directory.GetDirectories(work));
        Assert.Contains($"report: {report}", result.Err.Split('\n').Select(l => l.Trim()));

        // Named by the instant of the import, to the second, in UTC.
        var name = Path.GetFileName(report);
        Assert.StartsWith("import-report-", name, StringComparison.Ordinal);
        var instant = DateTime.ParseExact(name["import-report-".Length..], "yyyyMMdd-HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        Assert.InRange(instant, before.AddSeconds(-1), after);

        var errors = RawCsv.Read(Path.Combine(report, "errors.csv"));
        var error = Assert.Single(errors);
        Assert.Equal(("opportunities.csv", "3", "amount", "-5", "is negative"), (error["file"], error["line"], error["column"], error["value"], error["reason"]));
        Assert.Contains("opportunities.csv:3 amount: \"-5\" is negative", File.ReadAllLines(Path.Combine(report, "report.txt")));
        Assert.False(File.Exists(_company.Db)); // rejected as a whole: a first import leaves no store behind
    }

    [Fact]
    public void ImportWithErrors_RunFromInsideTheFolderItImports_PrintsTheErrors_AndWritesItsReportBesideThatFolder()
    {
        // `cd export && bellwether import .`: a report in the working directory would land in the folder imported.
        var result = CliRunner.RunInFolder(_company.Folder, new Dictionary<string, string>(), "import", ".", "--db", _company.Db);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("opportunities.csv:3 amount: \"-5\" is negative", result.Err, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(_company.Folder));
        var parent = Path.GetDirectoryName(Path.GetFullPath(_company.Folder).TrimEnd(Path.DirectorySeparatorChar))!;
        var report = Assert.Single(Directory.GetDirectories(parent, "import-report-*"));
        Assert.Contains($"report: {report}", result.Err.Split('\n').Select(l => l.Trim()));
        Assert.True(File.Exists(Path.Combine(report, "errors.csv")));
    }

    public void Dispose() => _company.Dispose();
}
