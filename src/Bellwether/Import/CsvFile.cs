using System.Text;
using nietras.SeparatedValues;

namespace Bellwether.Import;

/// <summary>
/// Reads a CSV file (UTF-8, comma-separated, one header row, RFC 4180 quoting) as a header and a stream of records with
/// their line numbers (the header is line 1; a record spanning lines has the number of its first line). Blank lines
/// are skipped. This is the one CSV reader of imports: the folder format and every preset read through it.
/// </summary>
public static class CsvFile
{
    /// <summary>The header's column names, as written (a name may appear twice: the caller decides what that means), or null for an empty file.</summary>
    public static IReadOnlyList<string>? ReadHeader(string path)
    {
        using var reader = Open(path, null, unescape: true);
        if (!reader.MoveNext())
        {
            return null;
        }

        var row = reader.Current;
        if (row.ColCount == 1 && row[0].Span.Trim().IsEmpty)
        {
            return null;
        }

        var names = new string[row.ColCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = row[i].ToString().Trim();
        }

        return names;
    }

    /// <summary>Every record after the header: its values as written (unquoted) and its line.</summary>
    public static IEnumerable<(string?[] Values, int Line)> ReadRecords(string path, ByteCounter? counter = null)
    {
        using var reader = Open(path, counter, unescape: true);
        var header = true;
        foreach (var row in reader)
        {
            if (header)
            {
                header = false;
                continue;
            }

            if (row.ColCount == 1 && row[0].Span.IsEmpty)
            {
                continue;
            }

            var values = new string?[row.ColCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = row[i].ToString();
            }

            yield return (values, row.LineNumberFrom);
        }
    }

    /// <summary>Copies the header and the records at the given lines, byte for byte as written, to a new file.</summary>
    public static int CopyLines(string path, IReadOnlySet<int> lines, string target)
    {
        // Raw text comes from a pass that does not unescape, so quoting is kept exactly as the user wrote it.
        using var reader = Open(path, null, unescape: false);
        using var writer = new StreamWriter(target, false, new UTF8Encoding(false));
        var header = true;
        var copied = 0;
        foreach (var row in reader)
        {
            if (header || lines.Contains(row.LineNumberFrom))
            {
                writer.Write(row.Span);
                writer.Write('\n');
                copied += header ? 0 : 1;
            }

            header = false;
        }

        return copied;
    }

    private static SepReader Open(string path, ByteCounter? counter, bool unescape)
    {
        Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        if (counter is not null)
        {
            stream = new CountingStream(stream, counter);
        }

        var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        // The header is read as an ordinary first row: Sep's own header refuses a name that appears twice with an
        // exception, where the import must report it as an error of the file (RowReader's "appears twice").
        return Sep.Reader(o => o with
        {
            Sep = new Sep(','),
            HasHeader = false,
            DisableColCountCheck = true,
            Unescape = unescape,
        }).From(text);
    }
}
