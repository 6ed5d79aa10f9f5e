using System.Globalization;
using Bellwether.Core.Text;

namespace Bellwether.Export;

/// <summary>Sheets as CSV: one header line, then raw values (ratios as fractions, no thousands separators), UTF-8.</summary>
public static class SheetCsv
{
    public static void Write(Sheet sheet, TextWriter writer)
    {
        writer.Write(string.Join(',', sheet.Columns.Select(CsvText.Text)));
        writer.Write('\n');
        foreach (var row in sheet.Rows)
        {
            writer.Write(string.Join(',', row.Select(cell => cell.Value is string text ? CsvText.Text(text) : CsvText.Quote(Raw(cell.Value)))));
            writer.Write('\n');
        }
    }

    private static string Raw(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
