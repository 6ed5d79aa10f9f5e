using Bellwether.Core.Import;

namespace Bellwether.Import.Mapping;

/// <summary>One table of a mapping bound to its source file's header, and the stream of canonical rows it makes.</summary>
internal sealed class MappedTable
{
    private readonly TableMapping _mapping;
    private readonly TableLayout _layout;
    private readonly SourceFiles _files;
    private readonly int _file;
    private readonly BoundRule[] _rules;
    private readonly (int Source, int Output)[] _attributes;
    private readonly ImportNotes _notes;

    private MappedTable(TableMapping mapping, TableLayout layout, SourceFiles files, int file, BoundRule[] rules, (int, int)[] attributes, ImportNotes notes)
    {
        _mapping = mapping;
        _layout = layout;
        _files = files;
        _file = file;
        _rules = rules;
        _attributes = attributes;
        _notes = notes;
    }

    public static MappedTable Bind(MappingFile mapping, TableMapping table, SourceFiles files, int file, ImportNotes notes)
    {
        var header = files.Header(file);
        var sourceName = files.Name(file);
        var bound = new List<(ColumnRule Rule, int Source, string Label)>();
        foreach (var rule in table.Columns)
        {
            var source = rule.Value is null ? FindColumn(mapping, rule, files, file) : -1;
            bound.Add((rule, source, source >= 0 ? header[source] : rule.Column));
        }

        var used = bound.Where(b => b.Source >= 0).Select(b => b.Source).ToHashSet();
        var attributes = new List<(int Source, string Name)>();
        for (var i = 0; i < table.Attributes.Count; i++)
        {
            var name = table.Attributes[i];
            var key = $"{MappingReader.Path(table.Key, "attributes")}[{i}]";
            if (name == "*")
            {
                for (var c = 0; c < header.Count; c++)
                {
                    if (used.Contains(c) || attributes.Any(a => a.Source == c) || header[c].Length == 0)
                    {
                        continue;
                    }

                    if (!TableLayout.CanKeep(table.Schema, header[c]))
                    {
                        notes.Add($"{sourceName}: column {header[c]} is not kept with {table.Schema.FileName}: its name is a column of that file (map it under columns)");
                        continue;
                    }

                    attributes.Add((c, header[c]));
                }

                continue;
            }

            var index = files.IndexOf(file, name);
            if (index < 0)
            {
                throw new MappingException(mapping.Name, key, $"\"{name}\" is not a column of {sourceName} (its columns: {Columns(header)})");
            }

            if (!TableLayout.CanKeep(table.Schema, name))
            {
                throw new MappingException(mapping.Name, key, $"{name} is a column of {table.Schema.FileName}: map it under columns");
            }

            if (!attributes.Any(a => a.Source == index))
            {
                attributes.Add((index, header[index]));
            }
        }

        var layout = new TableLayout(
            table.Schema,
            [.. bound.Select(b => (b.Rule.Column, b.Source >= 0 ? b.Label + Hint(mapping, table, b.Rule) : b.Label))],
            [.. attributes.Select(a => a.Name)],
            header.Count);
        var rules = bound.Select(b => new BoundRule(b.Rule, b.Source, layout[b.Rule.Column], table.Schema.Column(b.Rule.Column).Kind, b.Label)
        {
            Dates = DatesFor(mapping, table, b.Rule),
            Numbers = NumbersFor(mapping, table, b.Rule),
        }).ToArray();
        foreach (var rule in rules)
        {
            rule.Conditions = [.. rule.Rule.When.Select(w => (layout[w.Key], w.Value.Select(v => v.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase)))];
        }

        // Conditions read other columns of the row, so the columns without one are filled first.
        rules = [.. rules.OrderBy(r => r.Conditions.Length > 0)];
        return new MappedTable(table, layout, files, file, rules, [.. attributes.Select(a => (a.Source, layout[a.Name]))], notes);
    }

    public SourceTable Table() => _layout.Table(Rows(), _file);

    private IEnumerable<SourceRow> Rows()
    {
        var keys = _mapping.Distinct ? _mapping.Schema.Key.Select(k => _layout.Has(k) ? _layout[k] : -1).ToArray() : null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (values, line) in _files.Read(_file))
        {
            if (_layout.IsMalformed(values))
            {
                if (keys is null)
                {
                    yield return new SourceRow(_layout.Malformed(values.Length), _file, line);
                }

                continue;
            }

            var row = _layout.NewRow();
            foreach (var rule in _rules)
            {
                row[rule.Output] = rule.Holds(row) ? rule.Read(values, count: keys is null) : null;
            }

            foreach (var (source, output) in _attributes)
            {
                row[output] = values[source];
            }

            if (keys is not null)
            {
                var key = string.Join('\u001f', keys.Select(k => k < 0 ? "" : row[k]?.Trim() ?? ""));
                if (keys.Any(k => k < 0 || string.IsNullOrWhiteSpace(row[k])) || !seen.Add(key))
                {
                    continue;
                }
            }

            yield return new SourceRow(row, _file, line);
        }

        foreach (var rule in _rules.Where(r => r.Defaulted > 0))
        {
            _notes.Add($"{_files.Name(_file)}: {rule.SourceColumn} was empty in {rule.Defaulted:N0} rows; {_mapping.Schema.FileName} {rule.Rule.Column} took the mapping's default \"{rule.Rule.Default}\"");
        }
    }

    private static int FindColumn(MappingFile mapping, ColumnRule rule, SourceFiles files, int file)
    {
        foreach (var name in rule.From)
        {
            var index = files.IndexOf(file, name);
            if (index >= 0)
            {
                return index;
            }
        }

        if (rule.Optional)
        {
            return -1;
        }

        var names = string.Join(" or ", rule.From.Select(n => $"\"{n}\""));
        var what = rule.From.Count == 1 ? $"{names} is not a column" : $"none of {names} is a column";
        throw new MappingException(mapping.Name, MappingReader.Path(rule.Key, "from"), $"{what} of {files.Name(file)} (its columns: {Columns(files.Header(file))})");
    }

    private static string Columns(IReadOnlyList<string> header) =>
        header.Count <= 40 ? string.Join(", ", header) : string.Join(", ", header.Take(40)) + $", … ({header.Count} in all)";

    private static DateReading? DatesFor(MappingFile mapping, TableMapping table, ColumnRule rule)
    {
        var formats = rule.Formats ?? table.Dates ?? mapping.Dates;
        return rule.Value is not null
            ? null
            : table.Schema.Column(rule.Column).Kind switch
            {
                ColumnKind.Instant when formats.Count > 0 => new DateReading(formats, mapping.TimeZone),
                ColumnKind.Date or ColumnKind.Month => new DateReading(formats, mapping.TimeZone),
                _ => null,
            };
    }

    private static NumberReading? NumbersFor(MappingFile mapping, TableMapping table, ColumnRule rule)
    {
        var kind = table.Schema.Column(rule.Column).Kind;
        var numbers = table.Numbers ?? mapping.Numbers;
        return rule.Value is null && kind is ColumnKind.Money or ColumnKind.SignedNumber or ColumnKind.Count or ColumnKind.Probability
            && (!numbers.IsCanonical || rule.Multiply is not null)
            ? numbers
            : null;
    }

    /// <summary>
    /// What errors add to a converted column's name: the import's own messages describe the folder format's form, so
    /// the form the mapping expected is named beside the source column, e.g. <c>Close Date (as MM/dd/yyyy)</c>.
    /// </summary>
    private static string Hint(MappingFile mapping, TableMapping table, ColumnRule rule)
    {
        var kind = table.Schema.Column(rule.Column).Kind;
        if (kind is ColumnKind.Instant or ColumnKind.Date or ColumnKind.Month)
        {
            var formats = rule.Formats ?? table.Dates ?? mapping.Dates;
            return formats.Count > 0 ? $" (as {string.Join(" or ", formats)})" : "";
        }

        var numbers = table.Numbers ?? mapping.Numbers;
        return kind is ColumnKind.Money or ColumnKind.SignedNumber or ColumnKind.Count or ColumnKind.Probability && numbers.Decimal != '.'
            ? $" (as {numbers.Example})"
            : "";
    }

    /// <summary>A zero-width space: not white space to the import, so a value ending in it is never a number or a date.</summary>
    private const string Unreadable = "\u200B";

    private sealed class BoundRule(ColumnRule rule, int source, int output, ColumnKind kind, string sourceColumn)
    {
        public ColumnRule Rule { get; } = rule;

        public int Output { get; } = output;

        /// <summary>The source column read, as the file's header spells it; the canonical column for a constant.</summary>
        public string SourceColumn { get; } = sourceColumn;

        public DateReading? Dates { get; init; }

        public NumberReading? Numbers { get; init; }

        public (int Output, HashSet<string> Values)[] Conditions { get; set; } = [];

        /// <summary>Rows whose source value was empty and took the mapping's default.</summary>
        public int Defaulted { get; private set; }

        public bool Holds(string?[] row)
        {
            foreach (var (output, values) in Conditions)
            {
                if (!values.Contains(row[output]?.Trim() ?? ""))
                {
                    return false;
                }
            }

            return true;
        }

        public string? Read(string?[] values, bool count)
        {
            if (Rule.Value is not null)
            {
                return Rule.Value;
            }

            var raw = source >= 0 ? values[source] : null;
            var text = raw?.Trim() ?? "";
            if (text.Length == 0)
            {
                if (Rule.Default is null)
                {
                    return raw;
                }

                if (count)
                {
                    Defaulted++;
                }

                return Rule.Default;
            }

            if (Rule.Values.TryGetValue(text, out var mapped))
            {
                return mapped;
            }

            if (Rule.HasOtherwise)
            {
                return Rule.Otherwise;
            }

            if (Dates is not null && Dates.TryConvert(text, kind, out var date))
            {
                return date;
            }

            if (Numbers is not null)
            {
                if (Numbers.TryConvert(text, Rule.Multiply, out var number))
                {
                    return number;
                }

                if (Numbers.Decimal != '.' && NumberReading.Canonical.TryConvert(text, null, out _))
                {
                    // "1.234" in a file whose decimal separator is ",": passed on as written, the import would read
                    // it as 1.234. An invisible mark makes the import reject it, showing the value as written.
                    return raw + Unreadable;
                }
            }

            // Not convertible: passed on as written, so that the import reports it at its line, naming this column.
            return raw;
        }
    }
}
