using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Core.Import;

/// <summary>
/// Reads the rows of one file of the folder format against its <see cref="FileSchema"/>: matches the header, parses
/// and checks every cell, runs the file's cross-column rule, and gathers unknown columns as attributes. Every problem
/// becomes an <see cref="ImportError"/>; a row with any problem is rejected whole. One instance reads one file on one
/// thread and reuses its buffers.
/// </summary>
public sealed class RowReader
{
    private readonly FileSchema _schema;
    private readonly int[] _sourceIndexOfColumn;
    private readonly int[] _extraSourceIndexes;
    private readonly string[] _extraNames;
    private readonly string[] _columnLabels;
    private readonly string[] _sourceLabels;
    private readonly FrozenDictionary<string, string>?[] _enumWords;
    private readonly int[] _keyColumns;
    private readonly Cell[] _cells;
    private readonly ArrayBufferWriter<byte> _json = new(256);
    private readonly List<(string Column, string Reason)> _ruleProblems = [];
    private string?[] _currentValues = [];

    /// <param name="schema">The canonical file.</param>
    /// <param name="header">The column names of the rows' values, as given (matched case-insensitively).</param>
    /// <param name="columnLabel">How errors name a canonical column (a preset names the source column).</param>
    public RowReader(FileSchema schema, IReadOnlyList<string> header, Func<string, string>? columnLabel = null)
    {
        _schema = schema;
        _cells = new Cell[schema.Columns.Count];
        _sourceIndexOfColumn = Enumerable.Repeat(-1, schema.Columns.Count).ToArray();
        _columnLabels = schema.Columns.Select(c => columnLabel?.Invoke(c.Name) ?? c.Name).ToArray();
        _keyColumns = schema.Key.Select(schema.IndexOf).ToArray();
        _enumWords = schema.Columns
            .Select(c => c.Kind == ColumnKind.Enum ? c.Allowed.ToFrozenDictionary(w => w, w => w, StringComparer.OrdinalIgnoreCase) : null)
            .ToArray();

        var extras = new List<(int Index, string Name)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var headerProblems = new List<(string Column, string Reason)>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            // Unnamed columns (a header's trailing commas) are never read, so two of them are no ambiguity.
            if (name.Length > 0 && !seen.Add(name))
            {
                headerProblems.Add((name, "appears twice in the header"));
                continue;
            }

            var column = schema.Columns.ToList().FindIndex(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
            if (column >= 0)
            {
                _sourceIndexOfColumn[column] = i;
            }
            else if (name.Length > 0)
            {
                extras.Add((i, name));
            }
        }

        for (var c = 0; c < schema.Columns.Count; c++)
        {
            if (schema.Columns[c].Required && _sourceIndexOfColumn[c] < 0)
            {
                headerProblems.Add((_columnLabels[c], "is a required column and is missing"));
            }
        }

        _sourceLabels = header.Select(h => h.Trim()).ToArray();
        for (var c = 0; c < schema.Columns.Count; c++)
        {
            if (_sourceIndexOfColumn[c] >= 0)
            {
                _sourceLabels[_sourceIndexOfColumn[c]] = _columnLabels[c];
            }
        }

        _extraSourceIndexes = extras.Select(e => e.Index).ToArray();
        _extraNames = extras.Select(e => e.Name).ToArray();
        HeaderProblems = headerProblems;
        HeaderWidth = header.Count;
    }

    /// <summary>Problems with the header itself (missing required columns, repeated names); reported at line 1.</summary>
    public IReadOnlyList<(string Column, string Reason)> HeaderProblems { get; }

    public int HeaderWidth { get; }

    public FileSchema Schema => _schema;

    /// <summary>The parsed cells of the last row read, in schema column order; valid until the next read.</summary>
    public ReadOnlySpan<Cell> Cells => _cells;

    /// <summary>Unknown columns of the last row read, as a JSON object of their non-empty values, or null.</summary>
    public string? Attributes { get; private set; }

    /// <summary>
    /// After a row is rejected: whether <see cref="Cells"/> hold what could be read of it (each bad cell null), so
    /// that its key and references can still be checked. False when its fields do not line up with the header.
    /// </summary>
    public bool CellsUsable { get; private set; }

    /// <summary>After a row is rejected: whether every cell of its key was read.</summary>
    public bool KeyRead { get; private set; }

    /// <summary>
    /// Parses one row. Returns false, having added each problem to <paramref name="errors"/>, when any cell is bad.
    /// </summary>
    /// <param name="values">The row's values, in header order.</param>
    /// <param name="file">The file errors name.</param>
    /// <param name="line">The line errors name.</param>
    /// <param name="errors">Where problems are added.</param>
    /// <param name="problems">Values the source could not read, reported with its reasons.</param>
    public bool TryRead(string?[] values, string file, int line, ImportErrors errors, IReadOnlyList<CellProblem>? problems = null)
    {
        _currentValues = values;
        var ok = true;
        CellsUsable = false;
        KeyRead = true;
        if (values.Length != HeaderWidth)
        {
            errors.Add(new ImportError(file, line, "", null, $"has {values.Length} fields; the header has {HeaderWidth}"));
            return false;
        }

        CellsUsable = true;

        // The readers decode UTF-8 and replace the bytes that are not with U+FFFD: a value holding one lost what the
        // file said there (text saved as Latin-1 or Windows-1252, most often), and storing it would keep the loss.
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is { } value && value.Contains('\uFFFD', StringComparison.Ordinal))
            {
                errors.Add(new ImportError(file, line, _sourceLabels[i], value, "has bytes that are not UTF-8 text: save the file as UTF-8"));
                ok = false;
            }
        }

        for (var c = 0; c < _cells.Length; c++)
        {
            var source = _sourceIndexOfColumn[c];
            var raw = source >= 0 ? values[source] : null;
            if (problems is not null && source >= 0 && problems.FirstOrDefault(p => p.Value == source) is { Reason: { } given })
            {
                errors.Add(new ImportError(file, line, _columnLabels[c], raw ?? "", given));
                Fail(c);
                ok = false;
                continue;
            }

            if (!TryParseCell(c, raw, out var reason))
            {
                errors.Add(new ImportError(file, line, _columnLabels[c], raw ?? "", reason));
                Fail(c);
                ok = false;
            }
        }

        if (!ok)
        {
            return false;
        }

        if (_schema.Rule is { } rule)
        {
            _ruleProblems.Clear();
            rule(_cells, _schema, (column, reason) => _ruleProblems.Add((column, reason)));
            foreach (var (column, reason) in _ruleProblems)
            {
                var index = _schema.IndexOf(column);
                var source = _sourceIndexOfColumn[index];
                errors.Add(new ImportError(file, line, _columnLabels[index], source >= 0 ? values[source] ?? "" : "", reason));
            }

            if (_ruleProblems.Count > 0)
            {
                return false;
            }
        }

        Attributes = _extraSourceIndexes.Length == 0 ? null : WriteAttributes(values);
        return true;
    }

    /// <summary>The value of a column in the last row read, as written.</summary>
    public string? RawValue(string column)
    {
        var source = _sourceIndexOfColumn[_schema.IndexOf(column)];
        return source >= 0 ? _currentValues[source] : null;
    }

    /// <summary>Empties a cell that could not be read, so that no check takes a half-parsed value for the row's.</summary>
    private void Fail(int column)
    {
        _cells[column] = new Cell { IsNull = true };
        if (Array.IndexOf(_keyColumns, column) >= 0)
        {
            KeyRead = false;
        }
    }

    private bool TryParseCell(int c, string? raw, out string reason)
    {
        reason = "";
        var spec = _schema.Columns[c];
        ref var cell = ref _cells[c];
        cell = default;
        var text = raw.AsSpan().Trim();
        if (text.IsEmpty)
        {
            if (spec.Default is not null)
            {
                cell.Text = spec.Default;
                return true;
            }

            cell.IsNull = true;
            if (spec.Required)
            {
                reason = "is required";
                return false;
            }

            return true;
        }

        switch (spec.Kind)
        {
            case ColumnKind.Id:
            case ColumnKind.Text:
                cell.Text = text.Length == raw!.Length ? raw : text.ToString();
                return true;

            case ColumnKind.Enum:
                if (_enumWords[c]!.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var word))
                {
                    cell.Text = word;
                    return true;
                }

                reason = spec.AllowedText is { } words ? $"is not {words}" : $"is not one of {string.Join(", ", spec.Allowed)}";
                return false;

            case ColumnKind.Instant:
                if (IsoDate.TryParseInstant(text, out cell.Ticks))
                {
                    reason = SupportedDates.Reason;
                    return SupportedDates.Contains(cell.Ticks);
                }

                reason = "is not a date or instant (expected 2025-03-31 or 2025-03-31T14:05:00Z)";
                return false;

            case ColumnKind.Date:
                if (IsoDate.TryParseDate(text, out var date))
                {
                    cell.Ticks = date.DayNumber;
                    reason = SupportedDates.Reason;
                    return SupportedDates.Contains(date);
                }

                reason = "is not a date (expected 2025-03-31)";
                return false;

            case ColumnKind.Month:
                if (IsoDate.TryParseMonth(text, out var month))
                {
                    cell.Ticks = month.DayNumber;
                    reason = SupportedDates.Reason;
                    return SupportedDates.Contains(month);
                }

                reason = "is not a month (expected 2025-03)";
                return false;

            case ColumnKind.Period:
                if (FiscalCalendar.Default.TryParse(text, out var period, out reason))
                {
                    // Quarter and year labels are fiscal: the label is what is kept, read later with the company's calendar.
                    cell.Text = period.Label;
                    return true;
                }

                return false;

            case ColumnKind.Money:
            case ColumnKind.SignedNumber:
            case ColumnKind.Count:
            case ColumnKind.Probability:
                return TryParseNumber(spec, text, ref cell, out reason);

            case ColumnKind.Slice:
                if (SliceText.TryParse(text.ToString(), out var slice, out reason))
                {
                    cell.Text = SliceText.Format(slice);
                    cell.IsNull = cell.Text.Length == 0;
                    return true;
                }

                return false;

            default:
                throw new InvalidOperationException($"Unknown column kind {spec.Kind}.");
        }
    }

    private static bool TryParseNumber(ColumnSpec spec, ReadOnlySpan<char> text, ref Cell cell, out string reason)
    {
        reason = "";
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            reason = spec.Kind == ColumnKind.Count
                ? "is not a whole number"
                : "is not a number (use . as the decimal point, no thousands separator or currency symbol)";
            return false;
        }

        if (number < 0 && spec.Kind != ColumnKind.SignedNumber)
        {
            reason = "is negative";
            return false;
        }

        switch (spec.Kind)
        {
            case ColumnKind.Count when number != decimal.Truncate(number):
                reason = "is not a whole number";
                return false;
            case ColumnKind.Probability when number > 1:
                reason = "is not a probability between 0 and 1";
                return false;
            case ColumnKind.Money or ColumnKind.SignedNumber when number.Scale > ColumnSpec.MoneyScale && number != decimal.Round(number, ColumnSpec.MoneyScale):
                reason = $"has more than {ColumnSpec.MoneyScale} decimal places";
                return false;
            case ColumnKind.Money or ColumnKind.SignedNumber when Math.Abs(number) >= 1_000_000_000_000m:
                reason = "is too large (at most 999,999,999,999.999999)";
                return false;
        }

        cell.Number = number;
        return true;
    }

    private string? WriteAttributes(string?[] values)
    {
        _json.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_json);
        writer.WriteStartObject();
        var any = false;
        for (var i = 0; i < _extraSourceIndexes.Length; i++)
        {
            var value = values[_extraSourceIndexes[i]];
            if (!string.IsNullOrWhiteSpace(value))
            {
                writer.WriteString(_extraNames[i], value.Trim());
                any = true;
            }
        }

        writer.WriteEndObject();
        writer.Flush();
        return any ? System.Text.Encoding.UTF8.GetString(_json.WrittenSpan) : null;
    }
}
