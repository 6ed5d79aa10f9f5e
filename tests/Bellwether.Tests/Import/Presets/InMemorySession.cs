using Bellwether.Core.Import;

namespace Bellwether.Tests.Import.Presets;

/// <summary>
/// An empty workspace in memory, enough to run <see cref="ImportRunner"/> over a preset: stages rows, finds duplicate
/// keys and unknown references among them (rejected rows' too), and commits the valid rows by counting. The real stores
/// are tested in the storage tests.
/// </summary>
internal sealed class InMemorySession : IImportSession
{
    private readonly Dictionary<FileSchema, List<Staged>> _staged = [];

    public CommitRequest? Committed { get; private set; }

    public bool StoreHas(FileSchema schema) => false;

    public StoredFingerprint? Fingerprint(FileSchema schema) => null;

    public IStagingWriter Stage(FileSchema schema)
    {
        var rows = new List<Staged>();
        _staged[schema] = rows;
        return new Writer(rows);
    }

    public IReadOnlyList<StagedProblem> Duplicates(FileSchema schema)
    {
        var first = new Dictionary<string, SourceLine>(StringComparer.Ordinal);
        var problems = new List<StagedProblem>();
        foreach (var row in (_staged.GetValueOrDefault(schema) ?? []).Where(r => r.KeyRead))
        {
            var key = string.Join("\u001f", schema.Key.Select(k => row.Values[schema.IndexOf(k)]));
            if (!first.TryAdd(key, new SourceLine(row.File, row.Line)))
            {
                problems.Add(new StagedProblem(row.File, row.Line, key, first[key]));
            }
        }

        return problems;
    }

    public IReadOnlyList<StagedProblem> UnknownReferences(FileSchema schema, ColumnSpec column, FileSchema target)
    {
        var targetKey = target.IndexOf(target.Key[0]);
        var targetRows = _staged.GetValueOrDefault(target) ?? [];
        var keys = targetRows.Where(r => !r.Rejected).Select(r => r.Values[targetKey]).ToHashSet(StringComparer.Ordinal);
        var rejected = new Dictionary<string, SourceLine>(StringComparer.Ordinal);
        foreach (var row in targetRows.Where(r => r.Rejected && r.Values[targetKey] is not null))
        {
            rejected.TryAdd(row.Values[targetKey]!, new SourceLine(row.File, row.Line));
        }

        var index = schema.IndexOf(column.Name);
        return
        [
            .. (_staged.GetValueOrDefault(schema) ?? [])
                .Where(r => r.Values[index] is { } value && !keys.Contains(value) && !column.ReferenceUnless.Contains(value))
                .Select(r => new StagedProblem(r.File, r.Line, r.Values[index]!, rejected.TryGetValue(r.Values[index]!, out var row) ? row : null)),
        ];
    }

    public void Reject(FileSchema schema, IReadOnlyCollection<(int File, int Line)> rows)
    {
        var staged = _staged[schema];
        for (var i = 0; i < staged.Count; i++)
        {
            if (rows.Contains((staged[i].File, staged[i].Line)))
            {
                staged[i] = staged[i] with { Rejected = true };
            }
        }
    }

    public int DeriveAccounts(IReadOnlyList<(FileSchema Schema, ColumnSpec Column)> references) => 0;

    public CommitResult Commit(CommitRequest request, Action<string>? afterTable = null)
    {
        Committed = request;
        return new CommitResult(1, _staged.ToDictionary(s => s.Key.Table, s => new TableCounts { Inserted = s.Value.Count(r => !r.Rejected) }));
    }

    public void Dispose()
    {
    }

    private sealed record Staged(int File, int Line, string?[] Values, bool Rejected = false, bool KeyRead = true);

    private sealed class Writer(List<Staged> rows) : IStagingWriter
    {
        public void Add(int file, int line, ReadOnlySpan<Cell> cells, string? attributes) => rows.Add(new Staged(file, line, Values(cells)));

        public void AddRejected(int file, int line, ReadOnlySpan<Cell> cells, bool keyRead) =>
            rows.Add(new Staged(file, line, Values(cells), Rejected: true, KeyRead: keyRead));

        private static string?[] Values(ReadOnlySpan<Cell> cells)
        {
            var values = new string?[cells.Length];
            for (var i = 0; i < cells.Length; i++)
            {
                values[i] = cells[i].IsNull ? null : cells[i].Text ?? $"{cells[i].Ticks}:{cells[i].Number}";
            }

            return values;
        }

        public void Dispose()
        {
        }
    }
}
