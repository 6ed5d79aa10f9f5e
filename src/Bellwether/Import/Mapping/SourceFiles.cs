using Bellwether.Core.Import;

namespace Bellwether.Import.Mapping;

/// <summary>
/// The files a preset or mapping reads, each read through <see cref="CsvFile"/> with its bytes counted for progress.
/// Some are read more than once (a pass to find what later rows need, such as a latest date); each planned pass
/// adds the file's size to <see cref="TotalBytes"/>, so that progress ends at exactly the total.
/// </summary>
internal sealed class SourceFiles(string owner)
{
    private readonly List<SourceFile> _files = [];
    private readonly List<IReadOnlyList<string>> _headers = [];
    private readonly ByteCounter _counter = new();
    private long _totalBytes;

    public IReadOnlyList<SourceFile> Files => _files;

    public long TotalBytes => _totalBytes;

    public Func<long> BytesRead => () => _counter.Bytes;

    /// <summary>Adds a file (once; a file added again keeps its index) and reads its header.</summary>
    public int Add(string path)
    {
        var full = Path.GetFullPath(path);
        for (var i = 0; i < _files.Count; i++)
        {
            if (_files[i].Path == full)
            {
                return i;
            }
        }

        var name = Path.GetFileName(full);
        var header = CsvFile.ReadHeader(full) ?? throw new MappingException(owner, null, $"{name} is empty: expected a header row");
        // Columns are found by name, and an unused one may be kept as an attribute by name: a name given twice leaves
        // it unknown which value a row means.
        var twice = header.Where(n => n.Length > 0).GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new MappingException(owner, null, $"{name}: column {twice.Key} appears twice in the header");
        }

        _files.Add(new SourceFile(name, full));
        _headers.Add(header);
        return _files.Count - 1;
    }

    /// <summary>Finds a file the preset needs in a folder, by its exact name or else by the name in any case.</summary>
    public int AddFromFolder(string folder, string name)
    {
        var exact = Path.Combine(folder, name);
        if (File.Exists(exact))
        {
            return Add(exact);
        }

        var other = Directory.EnumerateFiles(folder).FirstOrDefault(f => string.Equals(Path.GetFileName(f), name, StringComparison.OrdinalIgnoreCase));
        return other is not null ? Add(other) : throw new MappingException(owner, null, $"{name} is not in {Path.GetFullPath(folder)}");
    }

    /// <summary>Counts one more read of a file in <see cref="TotalBytes"/>.</summary>
    public void PlanPass(int file) => _totalBytes += new FileInfo(_files[file].Path!).Length;

    public string Name(int file) => _files[file].Name;

    public IReadOnlyList<string> Header(int file) => _headers[file];

    /// <summary>The index of a column in a file's header (matched case-insensitively), or -1.</summary>
    public int IndexOf(int file, string column)
    {
        var header = _headers[file];
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The index of a column a preset cannot do without; its absence means the folder is not what the preset reads.</summary>
    public int Require(int file, string column)
    {
        var index = IndexOf(file, column);
        return index >= 0
            ? index
            : throw new MappingException(owner, null, $"{Name(file)} has no column {column} (its columns: {string.Join(", ", Header(file))})");
    }

    /// <summary>One pass over a file's records, counted.</summary>
    public IEnumerable<(string?[] Values, int Line)> Read(int file) => CsvFile.ReadRecords(_files[file].Path!, _counter);
}
