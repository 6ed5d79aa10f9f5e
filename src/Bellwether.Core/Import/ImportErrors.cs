using System.Text.RegularExpressions;

namespace Bellwether.Core.Import;

/// <summary>
/// The errors of one import, bounded by what a person can read rather than by the input: the first
/// <see cref="ListedPerColumn"/> of each file and column are kept as they are, and the rest only counted by reason, so
/// that a file of two million bad rows costs a count, not two million records in memory and in the report.
/// </summary>
public sealed partial class ImportErrors(int listedPerColumn = ImportErrors.ListedPerColumn)
{
    /// <summary>Errors listed one by one per file and column; enough to see every kind of mistake and fix it.</summary>
    public const int ListedPerColumn = 1_000;

    /// <summary>Distinct reasons counted per file and column; beyond them one "other reasons" count.</summary>
    private const int ReasonsPerColumn = 100;

    private readonly List<ImportError> _listed = [];
    private readonly Dictionary<(string File, string Column), int> _listedByColumn = [];
    private readonly Dictionary<(string File, string Column), Dictionary<string, (long Count, string Example)>> _unlisted = [];

    /// <summary>Every error, listed or not.</summary>
    public long Count { get; private set; }

    /// <summary>The errors kept one by one, in the order they were found.</summary>
    public IReadOnlyList<ImportError> Listed => _listed;

    /// <summary>How many errors each file, column and reason had beyond the listed ones.</summary>
    public IReadOnlyList<UnlistedErrors> Unlisted =>
    [
        .. _unlisted.SelectMany(kv => kv.Value.Select(r => new UnlistedErrors(kv.Key.File, kv.Key.Column, r.Value.Example, r.Value.Count))),
    ];

    public void Add(ImportError error)
    {
        Count++;
        var key = (error.File, error.Column);
        var listed = _listedByColumn.GetValueOrDefault(key);
        if (listed < listedPerColumn)
        {
            _listedByColumn[key] = listed + 1;
            _listed.Add(error);
            return;
        }

        if (!_unlisted.TryGetValue(key, out var reasons))
        {
            _unlisted[key] = reasons = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
        }

        // Reasons that differ only in the lines or counts they name ("duplicates line 12") are one reason, told by
        // the first of them.
        var reason = Numbers().Replace(error.Reason, "N");
        if (!reasons.ContainsKey(reason) && reasons.Count >= ReasonsPerColumn)
        {
            reason = "";
        }

        var (count, example) = reasons.GetValueOrDefault(reason, (0, reason.Length == 0 ? "other reasons" : error.Reason));
        reasons[reason] = (count + 1, example);
    }

    public void AddRange(IEnumerable<ImportError> errors)
    {
        foreach (var error in errors)
        {
            Add(error);
        }
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Numbers();
}

/// <summary>Errors of one file, column and reason that were counted but not listed; the reason is the first one's.</summary>
public sealed record UnlistedErrors(string File, string Column, string Reason, long Count)
{
    public override string ToString() =>
        $"{File}{(Column.Length == 0 ? "" : " " + Column)}: {Count:N0} more not listed, such as: {Reason}";
}
