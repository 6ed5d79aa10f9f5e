using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace Bellwether.Export;

/// <summary>
/// Sheets as an Excel workbook (.xlsx, Office Open XML): numbers stored as numbers with the unit's format (money
/// <c>#,##0</c>, ratios <c>0.0%</c>, days <c>#,##0.0</c>), a bold frozen header row with a filter, and columns sized to
/// their contents — what a finance team expects to open, sort and pivot without cleaning.
/// </summary>
public static class SheetXlsx
{
    private const uint HeaderStyle = 1;

    public static void Write(IReadOnlyList<Sheet> sheets, string path)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        Write(sheets, document);
    }

    /// <summary>The workbook as bytes, for an HTTP answer.</summary>
    public static byte[] Bytes(IReadOnlyList<Sheet> sheets)
    {
        using var memory = new MemoryStream();
        Write(sheets, memory);
        return memory.ToArray();
    }

    /// <summary>The workbook into a stream (a download), which stays open.</summary>
    public static void Write(IReadOnlyList<Sheet> sheets, Stream stream)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        Write(sheets, document);
    }

    private static void Write(IReadOnlyList<Sheet> sheets, SpreadsheetDocument document)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new X.Workbook();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var list = workbook.Workbook.AppendChild(new X.Sheets());
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = Worksheet(sheet);
            list.Append(new X.Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = UniqueName(sheet.Name, names) });
        }

        workbook.Workbook.Save();
    }

    /// <summary>The style index of a cell kind, matching the order of <see cref="Styles"/>' cell formats.</summary>
    private static uint StyleOf(CellKind kind) => kind switch
    {
        CellKind.Money => 2,
        CellKind.Count => 3,
        CellKind.Ratio => 4,
        CellKind.Days => 5,
        CellKind.MoneyPerDay => 6,
        _ => 0,
    };

    private static X.Stylesheet Styles()
    {
        static X.Font Font(bool bold) => bold
            ? new X.Font(new X.Bold(), new X.FontSize { Val = 11 }, new X.FontName { Val = "Calibri" })
            : new X.Font(new X.FontSize { Val = 11 }, new X.FontName { Val = "Calibri" });
        static X.CellFormat Numeric(uint format) => new() { NumberFormatId = format, ApplyNumberFormat = true };
        return new X.Stylesheet(
            new X.NumberingFormats(
                new X.NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0" },
                new X.NumberingFormat { NumberFormatId = 165, FormatCode = "0.0%" },
                new X.NumberingFormat { NumberFormatId = 166, FormatCode = "#,##0.0" })
            { Count = 3 },
            new X.Fonts(Font(bold: false), Font(bold: true)) { Count = 2 },
            new X.Fills(
                new X.Fill(new X.PatternFill { PatternType = X.PatternValues.None }),
                new X.Fill(new X.PatternFill { PatternType = X.PatternValues.Gray125 }))
            { Count = 2 },
            new X.Borders(new X.Border(new X.LeftBorder(), new X.RightBorder(), new X.TopBorder(), new X.BottomBorder(), new X.DiagonalBorder())) { Count = 1 },
            new X.CellStyleFormats(new X.CellFormat()) { Count = 1 },
            new X.CellFormats(
                new X.CellFormat(),
                new X.CellFormat { FontId = 1, ApplyFont = true },
                Numeric(164),
                Numeric(164),
                Numeric(165),
                Numeric(166),
                Numeric(164))
            { Count = 7 });
    }

    private static X.Worksheet Worksheet(Sheet sheet)
    {
        var data = new X.SheetData();
        var header = new X.Row { RowIndex = 1 };
        for (var c = 0; c < sheet.Columns.Count; c++)
        {
            header.Append(TextCell(Reference(c, 1), sheet.Columns[c], HeaderStyle));
        }

        data.Append(header);
        uint r = 2;
        foreach (var row in sheet.Rows)
        {
            var line = new X.Row { RowIndex = r };
            for (var c = 0; c < row.Count; c++)
            {
                if (Write(row[c], Reference(c, r)) is { } cell)
                {
                    line.Append(cell);
                }
            }

            data.Append(line);
            r++;
        }

        var worksheet = new X.Worksheet(
            new X.SheetViews(new X.SheetView(
                new X.Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = X.PaneValues.BottomLeft, State = X.PaneStateValues.Frozen })
            { WorkbookViewId = 0 }),
            Widths(sheet),
            data);
        if (sheet.Columns.Count > 0)
        {
            worksheet.Append(new X.AutoFilter { Reference = $"A1:{Reference(sheet.Columns.Count - 1, (uint)sheet.Rows.Count + 1)}" });
        }

        return worksheet;
    }

    private static X.Cell? Write(Cell cell, string reference) => cell.Value switch
    {
        null => null,
        string s => TextCell(reference, s, 0),
        bool b => new X.Cell { CellReference = reference, DataType = X.CellValues.Boolean, CellValue = new X.CellValue(b) },
        decimal d => Number(reference, d, cell.Kind),
        int n => Number(reference, n, cell.Kind),
        long n => Number(reference, n, cell.Kind),
        double x when double.IsFinite(x) => new X.Cell { CellReference = reference, DataType = X.CellValues.Number, CellValue = new X.CellValue(x), StyleIndex = StyleOf(cell.Kind) },
        double => null,
        IFormattable f => TextCell(reference, f.ToString(null, CultureInfo.InvariantCulture), 0),
        var other => TextCell(reference, other.ToString() ?? "", 0),
    };

    private static X.Cell Number(string reference, decimal value, CellKind kind) =>
        new() { CellReference = reference, DataType = X.CellValues.Number, CellValue = new X.CellValue(value), StyleIndex = StyleOf(kind) };

    private static X.Cell TextCell(string reference, string text, uint style) => new()
    {
        CellReference = reference,
        DataType = X.CellValues.InlineString,
        InlineString = new X.InlineString(new X.Text(text) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = style == 0 ? null : style,
    };

    /// <summary>Column widths from the longest text in each column (numbers count as 14 characters), within 8–60.</summary>
    private static X.Columns Widths(Sheet sheet)
    {
        var columns = new X.Columns();
        for (var c = 0; c < sheet.Columns.Count; c++)
        {
            var longest = sheet.Rows
                .Select(row => c < row.Count ? row[c].Value switch { null => 0, string s => s.Length, _ => 14 } : 0)
                .Prepend(sheet.Columns[c].Length + 3)
                .Max();
            var index = (uint)c + 1;
            columns.Append(new X.Column { Min = index, Max = index, Width = Math.Clamp(longest + 2, 8, 60), CustomWidth = true });
        }

        return columns;
    }

    /// <summary>A1-style reference of a zero-based column and one-based row.</summary>
    internal static string Reference(int column, uint row)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Excel's rules for sheet names: at most 31 characters, none of <c>[]:*?/\</c>, unique regardless of case.</summary>
    private static string UniqueName(string name, HashSet<string> taken)
    {
        var clean = new string([.. name.Select(ch => "[]:*?/\\".Contains(ch, StringComparison.Ordinal) ? ' ' : ch)]).Trim();
        clean = clean.Length == 0 ? "Sheet" : clean[..Math.Min(clean.Length, 31)];
        var candidate = clean;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = clean[..Math.Min(clean.Length, 31 - suffix.Length)] + suffix;
        }

        return candidate;
    }
}
