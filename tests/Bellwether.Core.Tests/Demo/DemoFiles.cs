using Bellwether.Core.Demo;
using nietras.SeparatedValues;

namespace Bellwether.Core.Tests.Demo;

/// <summary>A demo company generated in memory: each file's text, and its rows read back as CSV.</summary>
public sealed class DemoFiles
{
    private readonly Dictionary<string, StringWriter> _writers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CsvTable> _tables = new(StringComparer.Ordinal);

    public DemoFiles(DemoOptions options)
    {
        Options = options;
        Summary = DemoCompany.Generate(options, name =>
        {
            var writer = new StringWriter { NewLine = "\n" };
            _writers[name] = writer;
            return writer;
        });
    }

    public DemoOptions Options { get; }

    public DemoSummary Summary { get; }

    public IEnumerable<string> FileNames => _writers.Keys;

    public string Text(string file) => _writers[file].ToString();

    public CsvTable Table(string file)
    {
        if (!_tables.TryGetValue(file, out var table))
        {
            table = CsvTable.Parse(Text(file));
            _tables[file] = table;
        }

        return table;
    }
}

/// <summary>A CSV file read back: its header and its rows' values as written (unquoted).</summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(IReadOnlyList<string> header, IReadOnlyList<string[]> rows)
    {
        Header = header;
        Rows = rows;
        _columns = header.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<string[]> Rows { get; }

    public int Column(string name) => _columns[name];

    public IEnumerable<string> Values(string column)
    {
        var i = Column(column);
        return Rows.Select(r => r[i]);
    }

    public static CsvTable Parse(string text)
    {
        using var reader = Sep.Reader(o => o with { Sep = new Sep(','), Unescape = true, DisableColCountCheck = true }).FromText(text);
        var header = reader.Header.ColNames.ToList();
        var rows = new List<string[]>();
        foreach (var row in reader)
        {
            var values = new string[row.ColCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = row[i].ToString();
            }

            rows.Add(values);
        }

        return new CsvTable(header, rows);
    }
}

/// <summary>The default demo company (scale 1, three years to 2026-11-27), generated once for the tests that only read it.</summary>
public sealed class DefaultDemoFixture
{
    public DemoFiles Files { get; } = new(new DemoOptions());
}
