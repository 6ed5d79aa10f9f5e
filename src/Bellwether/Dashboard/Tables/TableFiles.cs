using System.Text;
using Bellwether.Export;

namespace Bellwether.Dashboard.Tables;

/// <summary>
/// A table's rows as the files its buttons download, written by the export's own writers: CSV through
/// <see cref="SheetCsv"/> (text cells through <c>CsvText</c>, which neutralises formula injection; raw numbers, ratios as
/// fractions) and Excel through <see cref="SheetXlsx"/> (numbers with their unit's format, text as inline strings, which
/// a spreadsheet never evaluates).
/// </summary>
public static class TableFiles
{
    public const string CsvType = "text/csv";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Csv(TableData table, IEnumerable<TableRow>? rows = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var writer = new StringWriter();
        SheetCsv.Write(table.ToSheet(rows), writer);
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(writer.ToString());
    }

    public static byte[] Xlsx(TableData table, IEnumerable<TableRow>? rows = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var stream = new MemoryStream();
        SheetXlsx.Write([table.ToSheet(rows)], stream);
        return stream.ToArray();
    }
}
