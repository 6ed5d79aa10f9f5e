using System.IO.Compression;
using System.Text;
using Bellwether.Core.Reporting;
using Bellwether.Dashboard.Tables;

namespace Bellwether.Tests.Dashboard;

public sealed class TableFilesTests
{
    private static readonly TableData Table = new()
    {
        Id = "reps",
        Caption = "Reps",
        Columns = [new("Rep"), new("Bookings", true), new("Win rate", true)],
        Rows =
        [
            new([TableCell.Of("=HYPERLINK(\"http://evil\",\"x\")"), TableCell.Value(125_000m, Unit.Money, "USD"), TableCell.Value(0.25m, Unit.Ratio, "USD")]),
            new([TableCell.Of("+cmd|' /C calc'!A0"), TableCell.Value(null, Unit.Money, "USD", "no deals"), TableCell.Value(0.5m, Unit.Ratio, "USD")]),
        ],
    };

    [Fact]
    public void Csv_NeutralisesFormulas_AndKeepsNumbersRaw()
    {
        var lines = Encoding.UTF8.GetString(TableFiles.Csv(Table)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

        Assert.Equal("Rep,Bookings,Win rate", lines[0]);
        Assert.Equal("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",125000,0.25", lines[1]);
        Assert.StartsWith("'+cmd|' /C calc'!A0,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_OfRowsInAnotherOrder_WritesThemInThatOrder()
    {
        var lines = Encoding.UTF8.GetString(TableFiles.Csv(Table, [Table.Rows[1], Table.Rows[0]])).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("'+cmd", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_IsAWorkbook_WhoseTextIsNeverAFormula()
    {
        using var zip = new ZipArchive(new MemoryStream(TableFiles.Xlsx(Table)));
        var sheet = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
        using var reader = new StreamReader(sheet.Open());
        var xml = reader.ReadToEnd();

        Assert.DoesNotContain("<x:f>", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<f>", xml, StringComparison.Ordinal);
        Assert.Contains("HYPERLINK", xml, StringComparison.Ordinal);
        Assert.Contains("125000", xml, StringComparison.Ordinal);
    }
}
