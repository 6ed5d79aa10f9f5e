using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Export;

/// <summary>
/// Names from a company's files that a spreadsheet would run as formulas are written as text in every CSV Bellwether
/// writes (OWASP's leading apostrophe), while numbers stay numbers.
/// </summary>
public sealed class FormulaInjectionTests : IDisposable
{
    private const string Hyperlink = "=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")";

    private readonly SmallCompany _company = new(new Dictionary<string, string>
    {
        ["reps.csv"] = $"""
            rep_id,name,team,manager_id,role,start_date
            M1,Maria Manager,East,,manager,2023-01-01
            R1,"{Hyperlink}",+cmd|' /C calc'!A0,M1,ae,2024-01-15
            R2,Raj Rep,East,M1,ae,2024-03-01
            """,
        ["accounts.csv"] = """
            account_id,name,vertical
            A1,Acme,@SUM(A1:A9)
            A2,Globex,finance
            """,
    });

    public FormulaInjectionTests() => Assert.Equal(0, _company.Import().ExitCode);

    [Fact]
    public void ExportedCsv_WritesFormulaLikeNamesAsText_AndNumbersAsNumbers()
    {
        var folder = Path.Combine(_company.TempPath, "pack");

        var result = CliRunner.Run("export", folder, "--period", "2025-Q1", "--as-of", "2025-06-30", "--no-forecast", "--db", _company.Db);

        Assert.Equal(0, result.ExitCode);
        var byRep = File.ReadAllText(Path.Combine(folder, "by_rep.csv"));
        Assert.Contains("\"'=HYPERLINK(", byRep, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", byRep, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=HYPERLINK", byRep, StringComparison.Ordinal);
        var byTeam = File.ReadAllText(Path.Combine(folder, "by_team.csv"));
        Assert.Contains("'+cmd|", byTeam, StringComparison.Ordinal);
        var byVertical = File.ReadAllText(Path.Combine(folder, "by_vertical.csv"));
        Assert.Contains("'@SUM(A1:A9)", byVertical, StringComparison.Ordinal);
        // O1's 1000 booked in February by R1 stays a number.
        Assert.Contains(",1000", byRep, StringComparison.Ordinal);
        Assert.DoesNotContain("'1000", byRep, StringComparison.Ordinal);
    }

    [Fact]
    public void IndicatorsCsv_SliceCellsBeginWithTheirDimension_SoNoValueStartsACell()
    {
        var result = CliRunner.Run("indicators", "bookings", "--period", "2025-Q1", "--by", "vertical", "--as-of", "2025-06-30", "--db", _company.Db, "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("bookings,2025-Q1,2025-07-01T00:00:00Z,vertical=@SUM(A1:A9),1000,money", result.Out, StringComparison.Ordinal);
        var team = CliRunner.Run("indicators", "bookings", "--period", "2025-Q1", "--by", "team", "--as-of", "2025-06-30", "--db", _company.Db, "--format", "csv");
        Assert.Contains("team=+cmd|", team.Out, StringComparison.Ordinal);
    }

    public void Dispose() => _company.Dispose();
}
