using System.Globalization;
using Bellwether.Tests.Cli;
using Bellwether.Tests.Testing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace Bellwether.Tests.Export;

public sealed class ExportCommandTests(DemoStore demo) : IClassFixture<DemoStore>
{
    private static readonly string[] Sheets = ["About", "Indicators", "By rep", "By team", "By vertical", "By service line", "Forecast", "Plans"];

    [Fact]
    public void Workbook_IsValidOfficeOpenXml_WithEverySheet_AndTheRawDataAsNumbersInTheirUnitsFormat()
    {
        var path = Path.Combine(demo.TempPath, "pack.xlsx");
        var result = CliRunner.Run("export", path, "--period", "2026-Q2", "--as-of", DemoStore.Now, "--db", demo.Db);

        Assert.Equal(0, result.ExitCode);
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}"));
        var workbook = document.WorkbookPart!;
        Assert.Equal(Sheets, workbook.Workbook.Sheets!.Elements<X.Sheet>().Select(s => s.Name!.Value!));

        // Bookings of 2026-Q2 worked out from the demo's own opportunities.csv, not from the engine.
        var folder = Path.Combine(demo.TempPath, "demo-folder");
        Assert.Equal(0, CliRunner.Run("demo", "--years", "2", "--history-end", "2026-06-30", "--out", folder).ExitCode);
        var expected = RawCsv.Read(Path.Combine(folder, "opportunities.csv"))
            .Where(o => o["status"] == "won" && string.CompareOrdinal(o["closed_at"], "2026-04-01") >= 0 && string.CompareOrdinal(o["closed_at"], "2026-07-01") < 0)
            .Sum(o => decimal.Parse(o["amount"], CultureInfo.InvariantCulture));

        var indicators = Read(workbook, "Indicators");
        Assert.Equal(["indicator", "unit", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "note (2026-Q2)", "definition"], indicators[0].Select(c => c.Text));
        var bookings = indicators.Single(r => r[0].Text == "bookings");
        Assert.Equal(expected, decimal.Parse(bookings[6].Text, CultureInfo.InvariantCulture));
        Assert.True(bookings[6].IsNumber);
        Assert.Equal("#,##0", bookings[6].Format);
        var winRate = indicators.Single(r => r[0].Text == "win_rate");
        Assert.Equal("0.0%", winRate[6].Format);
        Assert.InRange(decimal.Parse(winRate[6].Text, CultureInfo.InvariantCulture), 0.01m, 0.99m);

        // A value that cannot be computed is an empty cell with its reason in the note, never 0.
        var coverage = indicators.Single(r => r[0].Text == "pipeline_coverage");
        Assert.Equal("", coverage[6].Text);
        Assert.Equal("2026-Q2 is over as of 2026-07-01T00:00:00Z", coverage[7].Text);

        var forecast = Read(workbook, "Forecast");
        Assert.Equal(["indicator", "period", "unit", "p10", "p50", "p90", "mean"], forecast[0].Take(7).Select(c => c.Text));
        Assert.Contains(forecast, r => r[0].Text == "bookings" && r[1].Text == "2026" && r[4].IsNumber);
        var plans = Read(workbook, "Plans");
        Assert.Contains(plans.Skip(1), r => r[0].Text == "cost_model" && r[1].Text == "CFO");
        Assert.All(plans.Skip(1), r => Assert.StartsWith("2026", r[3].Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Folder_GetsOneCsvPerSheet_WithRawValues_AndTheChartsAsPictures()
    {
        var folder = Path.Combine(demo.TempPath, "pack");
        var result = CliRunner.Run("export", folder, "--period", "2026-Q2", "--as-of", DemoStore.Now, "--no-forecast", "--db", demo.Db);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            ["about.csv", "bookings_trend.png", "by_rep.csv", "by_service_line.csv", "by_team.csv", "by_vertical.csv", "indicators.csv", "win_rate_by_vertical.png"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var rows = RawCsv.Read(Path.Combine(folder, "indicators.csv"));
        var winRate = decimal.Parse(rows.Single(r => r["indicator"] == "win_rate")["2026-Q2"], CultureInfo.InvariantCulture);
        Assert.InRange(winRate, 0.01m, 0.99m);
        var won = decimal.Parse(rows.Single(r => r["indicator"] == "won_deals")["2026-Q2"], CultureInfo.InvariantCulture);
        var lost = decimal.Parse(rows.Single(r => r["indicator"] == "lost_deals")["2026-Q2"], CultureInfo.InvariantCulture);
        Assert.Equal(won / (won + lost), winRate, 10);
        var byRep = RawCsv.Read(Path.Combine(folder, "by_rep.csv"));
        Assert.Equal(won, byRep.Sum(r => r["won_deals"] is "" ? 0 : decimal.Parse(r["won_deals"], CultureInfo.InvariantCulture)));
        foreach (var png in Directory.GetFiles(folder, "*.png"))
        {
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(png).Take(4));
        }
    }

    [Theory]
    [InlineData("pack.txt", "bellwether: pack.txt: export writes a workbook (a path ending in .xlsx) or a folder of CSV files (a path without an extension)")]
    public void BadOutput_FailsWithOneLine(string output, string expected)
    {
        var result = CliRunner.Run("export", Path.Combine(demo.TempPath, output), "--db", demo.Db);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(expected.Replace("pack.txt", Path.Combine(demo.TempPath, output), StringComparison.Ordinal), result.Err.Trim());
    }

    /// <summary>A sheet's rows as text, whether each cell is a number, and its number format code.</summary>
    private static List<List<(string Text, bool IsNumber, string? Format)>> Read(WorkbookPart workbook, string name)
    {
        var sheet = workbook.Workbook.Sheets!.Elements<X.Sheet>().Single(s => s.Name == name);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var styles = workbook.WorkbookStylesPart!.Stylesheet;
        var formats = styles.NumberingFormats!.Elements<X.NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value);
        var cellFormats = styles.CellFormats!.Elements<X.CellFormat>().ToList();
        var width = part.Worksheet.Descendants<X.Row>().First().Elements<X.Cell>().Count();
        return
        [
            .. part.Worksheet.Descendants<X.Row>().Select(row =>
            {
                var cells = row.Elements<X.Cell>().ToDictionary(c => Column(c.CellReference!.Value!));
                return Enumerable.Range(0, width).Select(i =>
                {
                    if (!cells.TryGetValue(i, out var cell))
                    {
                        return ("", false, (string?)null);
                    }

                    var text = cell.DataType?.Value == X.CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";
                    var number = cell.DataType is null || cell.DataType.Value == X.CellValues.Number;
                    var format = cell.StyleIndex is { } style && cellFormats[(int)style.Value].NumberFormatId is { } id ? formats.GetValueOrDefault(id.Value) : null;
                    return (text, number, format);
                }).ToList();
            }),
        ];
    }

    private static int Column(string reference)
    {
        var n = 0;
        foreach (var ch in reference.TakeWhile(char.IsAsciiLetter))
        {
            n = (n * 26) + (ch - 'A' + 1);
        }

        return n - 1;
    }
}
