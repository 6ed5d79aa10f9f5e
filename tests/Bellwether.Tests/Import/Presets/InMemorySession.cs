using Bellwether.Core.Import;

namespace Bellwether.Tests.Import.Presets;

/// <summary>
/// An empty workspace in memory, enough to run <see cref="ImportRunner"/> over a preset: stages rows, finds duplicate
/// keys and unknown references among them, and commits by counting. The real stores are tested in the storage tests.
/// </summary>
internal sealed class InMemorySession : IImportSession
{
    private readonly Dictionary<FileSchema, List<Staged>> _staged = [];

    public CommitRequest? Committed { get; private set; }

    public bool StoreHas(FileSchema schema) => false;

    public IStagingWriter Stage(FileSchema schema)
    {
        var rows = new List<Staged>();
        _staged[schema] = rows;
        return new Writer(rows);
    }

    public IReadOnlyList<StagedProblem> Duplicates(FileSchema schema)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<StagedProblem>();
        foreach (var row in _staged.GetValueOrDefault(schema) ?? [])
        {
            var key = string.Join("\u001f", schema.Key.Select(k => row.Values[schema.IndexOf(k)]));
            if (!first.TryAdd(key, row.Line))
            {
                problems.Add(new StagedProblem(row.File, row.Line, key, first[key]));
            }
        }

        return problems;
    }

    public IReadOnlyList<StagedProblem> UnknownReferences(FileSchema schema, ColumnSpec column, FileSchema target)
    {
        var keys = (_staged.GetValueOrDefault(target) ?? []).Select(r => r.Values[target.IndexOf(target.Key[0])]).ToHashSet(StringComparer.Ordinal);
        var index = schema.IndexOf(column.Name);
        return
        [
            .. (_staged.GetValueOrDefault(schema) ?? [])
                .Where(r => r.Values[index] is { } value && !keys.Contains(value) && !column.ReferenceUnless.Contains(value))
                .Select(r => new StagedProblem(r.File, r.Line, r.Values[index]!, null)),
        ];
    }

    public void Remove(FileSchema schema, IReadOnlyCollection<(int File, int Line)> rows) =>
        _staged[schema].RemoveAll(r => rows.Contains((r.File, r.Line)));

    public int DeriveAccounts(IReadOnlyList<(FileSchema Schema, ColumnSpec Column)> references) => 0;

    public CommitResult Commit(CommitRequest request, Action<string>? afterTable = null)
    {
        Committed = request;
        return new CommitResult(1, _staged.ToDictionary(s => s.Key.Table, s => new TableCounts { Inserted = s.Value.Count }));
    }

    public void Dispose()
    {
    }

    private sealed record Staged(int File, int Line, string?[] Values);

    private sealed class Writer(List<Staged> rows) : IStagingWriter
    {
        public void Add(int file, int line, ReadOnlySpan<Cell> cells, string? attributes)
        {
            var values = new string?[cells.Length];
            for (var i = 0; i < cells.Length; i++)
            {
                values[i] = cells[i].IsNull ? null : cells[i].Text ?? $"{cells[i].Ticks}:{cells[i].Number}";
            }

            rows.Add(new Staged(file, line, values));
        }

        public void Dispose()
        {
        }
    }
}
