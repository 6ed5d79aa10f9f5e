using System.Globalization;
using System.Text.Json;
using Bellwether.Core.Import;

namespace Bellwether.Import.Mapping;

/// <summary>
/// Reads a mapping's JSON and checks it against the folder format: every key known, every canonical file and column
/// real, every required column mapped, every constant and mapped value one the column accepts, every date format
/// usable. The first mistake is thrown as a <see cref="MappingException"/> naming its key.
/// </summary>
internal static class MappingReader
{
    private static readonly string[] RootKeys = ["name", "description", "historyFallbackStage", "dates", "timeZone", "numbers", "files"];
    private static readonly string[] TableKeys = ["source", "distinct", "dates", "numbers", "columns", "attributes"];
    private static readonly string[] RuleKeys = ["from", "optional", "value", "default", "values", "otherwise", "format", "multiply", "when"];
    private static readonly string[] NumberKeys = ["decimal", "thousands", "strip"];

    public static MappingFile Read(string json, string name)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new MappingException(name, null, $"is not valid JSON: {e.Message}");
        }

        using (document)
        {
            return new Reader(name).Root(document.RootElement);
        }
    }

    private sealed class Reader(string mapping)
    {
        public MappingFile Root(JsonElement root)
        {
            var members = Members(root, null, RootKeys);
            var dates = members.TryGetValue("dates", out var d) ? Formats(d, Path(null, "dates"), monthOnly: false) : [];
            var zone = members.TryGetValue("timeZone", out var z) ? Zone(z, Path(null, "timeZone")) : null;
            var numbers = members.TryGetValue("numbers", out var n) ? Numbers(n, Path(null, "numbers")) : NumberReading.Canonical;
            if (!members.TryGetValue("files", out var files))
            {
                throw Mistake(null, "needs files: an object naming each canonical file (e.g. \"opportunities.csv\") and where it comes from");
            }

            var tables = Members(files, "files", null)
                .Select(m => Table(m.Key, m.Value, Path("files", m.Key)))
                .ToList();
            if (tables.Count == 0)
            {
                throw Mistake("files", "names no file");
            }

            return new MappingFile
            {
                Name = mapping,
                Description = members.TryGetValue("description", out var description) ? Text(description, Path(null, "description")) : null,
                HistoryFallbackStage = members.TryGetValue("historyFallbackStage", out var stage) ? Text(stage, Path(null, "historyFallbackStage")) : null,
                Dates = dates,
                TimeZone = zone,
                Numbers = numbers,
                Tables = tables,
            };
        }

        private TableMapping Table(string fileName, JsonElement element, string key)
        {
            var schema = FileSchemas.ForFile(fileName)
                ?? throw Mistake(key, $"is not a file of the folder format (files: {string.Join(", ", FileSchemas.All.Select(s => s.FileName))})");
            var members = Members(element, key, TableKeys);
            if (!members.TryGetValue("source", out var source))
            {
                throw Mistake(key, "needs source: the name of the export file it comes from");
            }

            if (!members.TryGetValue("columns", out var columns))
            {
                throw Mistake(key, "needs columns: an object naming each canonical column and the source column it comes from");
            }

            var columnsKey = Path(key, "columns");
            var rules = Members(columns, columnsKey, null)
                .Select(m => Rule(schema, m.Key, m.Value, Path(columnsKey, m.Key)))
                .ToList();
            var twice = rules.GroupBy(r => r.Column).FirstOrDefault(g => g.Count() > 1);
            if (twice is not null)
            {
                throw Mistake(twice.Last().Key, $"maps {twice.Key} a second time");
            }

            foreach (var required in schema.Columns.Where(c => c.Required))
            {
                if (!rules.Any(r => r.Column == required.Name))
                {
                    throw Mistake(columnsKey, $"{required.Name} is required in {schema.FileName} and has no rule");
                }
            }

            foreach (var rule in rules)
            {
                CheckConditions(schema, rule, rules);
            }

            return new TableMapping
            {
                Schema = schema,
                Key = key,
                Source = NonEmpty(source, Path(key, "source")),
                Distinct = members.TryGetValue("distinct", out var distinct) && Bool(distinct, Path(key, "distinct")),
                Columns = rules,
                Attributes = members.TryGetValue("attributes", out var attributes) ? Strings(attributes, Path(key, "attributes")) : [],
                Dates = members.TryGetValue("dates", out var dates) ? Formats(dates, Path(key, "dates"), monthOnly: false) : null,
                Numbers = members.TryGetValue("numbers", out var numbers) ? Numbers(numbers, Path(key, "numbers")) : null,
            };
        }

        private ColumnRule Rule(FileSchema schema, string columnName, JsonElement element, string key)
        {
            var column = schema.Columns.FirstOrDefault(c => string.Equals(c.Name, columnName, StringComparison.OrdinalIgnoreCase))
                ?? throw Mistake(key, $"is not a column of {schema.FileName} (columns: {string.Join(", ", schema.Columns.Select(c => c.Name))})");
            if (element.ValueKind == JsonValueKind.String)
            {
                return new ColumnRule { Column = column.Name, Key = key, From = [NonEmpty(element, key)] };
            }

            var members = Members(element, key, RuleKeys);
            if (members.TryGetValue("value", out var constant))
            {
                var other = members.Keys.FirstOrDefault(k => k is not ("value" or "when"));
                if (other is not null)
                {
                    throw Mistake(Path(key, other), "cannot go with value: a constant is the column's value on every row");
                }

                var value = Scalar(constant, Path(key, "value"));
                CheckValue(schema, column, value, Path(key, "value"));
                return new ColumnRule { Column = column.Name, Key = key, Value = value, When = When(members, key) };
            }

            if (!members.TryGetValue("from", out var from))
            {
                throw Mistake(key, "needs from (the source column) or value (a constant)");
            }

            var isDate = column.Kind is ColumnKind.Instant or ColumnKind.Date or ColumnKind.Month;
            var isNumber = column.Kind is ColumnKind.Money or ColumnKind.SignedNumber or ColumnKind.Count or ColumnKind.Probability;
            if (members.ContainsKey("format") && !isDate)
            {
                throw Mistake(Path(key, "format"), $"{column.Name} is not a date column");
            }

            if (members.ContainsKey("multiply") && !isNumber)
            {
                throw Mistake(Path(key, "multiply"), $"{column.Name} is not a number column");
            }

            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            if (members.TryGetValue("values", out var map))
            {
                var mapKey = Path(key, "values");
                foreach (var (source, target) in Members(map, mapKey, null))
                {
                    var mapped = target.ValueKind == JsonValueKind.Null ? null : Scalar(target, Path(mapKey, source));
                    CheckValue(schema, column, mapped, Path(mapKey, source));
                    if (!values.TryAdd(source.Trim(), mapped))
                    {
                        throw Mistake(Path(mapKey, source), "appears twice (source values are matched ignoring case)");
                    }
                }
            }

            string? otherwise = null;
            if (members.TryGetValue("otherwise", out var otherwiseElement))
            {
                otherwise = otherwiseElement.ValueKind == JsonValueKind.Null ? null : Scalar(otherwiseElement, Path(key, "otherwise"));
                CheckValue(schema, column, otherwise, Path(key, "otherwise"));
            }

            string? @default = null;
            if (members.TryGetValue("default", out var defaultElement))
            {
                @default = Scalar(defaultElement, Path(key, "default"));
                CheckValue(schema, column, @default, Path(key, "default"));
            }

            return new ColumnRule
            {
                Column = column.Name,
                Key = key,
                From = from.ValueKind == JsonValueKind.Array ? NonEmptyList(from, Path(key, "from")) : [NonEmpty(from, Path(key, "from"))],
                Optional = members.TryGetValue("optional", out var optional) && Bool(optional, Path(key, "optional")),
                Default = @default,
                Values = values,
                Otherwise = otherwise,
                HasOtherwise = otherwiseElement.ValueKind != JsonValueKind.Undefined,
                Formats = members.TryGetValue("format", out var format) ? Formats(format, Path(key, "format"), column.Kind == ColumnKind.Month) : null,
                Multiply = members.TryGetValue("multiply", out var multiply) ? Number(multiply, Path(key, "multiply")) : null,
                When = When(members, key),
            };
        }

        private Dictionary<string, IReadOnlyList<string>> When(Dictionary<string, JsonElement> members, string key)
        {
            var when = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            if (members.TryGetValue("when", out var element))
            {
                var whenKey = Path(key, "when");
                foreach (var (column, values) in Members(element, whenKey, null))
                {
                    when[column] = values.ValueKind == JsonValueKind.Array ? NonEmptyList(values, Path(whenKey, column)) : [Scalar(values, Path(whenKey, column))];
                }
            }

            return when;
        }

        private void CheckConditions(FileSchema schema, ColumnRule rule, List<ColumnRule> rules)
        {
            foreach (var (column, values) in rule.When)
            {
                var key = Path(Path(rule.Key, "when"), column);
                var target = rules.FirstOrDefault(r => string.Equals(r.Column, column, StringComparison.OrdinalIgnoreCase))
                    ?? throw Mistake(key, $"is not a column this file's mapping fills (a condition reads another column of the same row)");
                if (target.When.Count > 0)
                {
                    throw Mistake(key, $"{target.Column} has a condition itself; a condition can only read a column without one");
                }

                foreach (var value in values)
                {
                    CheckValue(schema, schema.Column(target.Column), value, key);
                }
            }
        }

        /// <summary>Checks a value the mapping writes into a column with the import's own reading of that column.</summary>
        private void CheckValue(FileSchema schema, ColumnSpec column, string? value, string key)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return;
            }

            var errors = new ImportErrors();
            new RowReader(schema, [column.Name]).TryRead([value], mapping, 0, errors);
            var error = errors.Listed.FirstOrDefault(e => e.Column == column.Name);
            if (error is not null)
            {
                throw Mistake(key, $"\"{value}\" {error.Reason}");
            }
        }

        private List<string> Formats(JsonElement element, string key, bool monthOnly)
        {
            var formats = element.ValueKind == JsonValueKind.Array ? NonEmptyList(element, key) : [NonEmpty(element, key)];
            foreach (var format in formats)
            {
                if (DateReading.Check(format, monthOnly) is { } reason)
                {
                    throw Mistake(key, $"\"{format}\": {reason}");
                }
            }

            return formats;
        }

        private TimeZoneInfo Zone(JsonElement element, string key)
        {
            var id = NonEmpty(element, key);
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (TimeZoneNotFoundException)
            {
                throw Mistake(key, $"\"{id}\" is not a time zone (use an IANA name such as Europe/Berlin or America/New_York)");
            }
            catch (InvalidTimeZoneException)
            {
                throw Mistake(key, $"\"{id}\" is not a time zone (use an IANA name such as Europe/Berlin or America/New_York)");
            }
        }

        private NumberReading Numbers(JsonElement element, string key)
        {
            var members = Members(element, key, NumberKeys);
            var reading = new NumberReading
            {
                Decimal = members.TryGetValue("decimal", out var d) ? Separator(d, Path(key, "decimal")) ?? throw Mistake(Path(key, "decimal"), "is empty") : '.',
                Thousands = members.TryGetValue("thousands", out var t) ? Separator(t, Path(key, "thousands")) : null,
                Strip = members.TryGetValue("strip", out var s) ? Strings(s, Path(key, "strip")) : [],
            };
            if (reading.Thousands == reading.Decimal)
            {
                throw Mistake(key, "decimal and thousands are the same character");
            }

            return reading;
        }

        private char? Separator(JsonElement element, string key)
        {
            if (element.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            var text = Text(element, key);
            return text.Length switch
            {
                0 => null,
                1 when !char.IsAsciiDigit(text[0]) && text[0] is not ('-' or '+') => text[0],
                _ => throw Mistake(key, $"\"{text}\" is not a separator: give one character such as \".\", \",\", \" \" or \"'\""),
            };
        }

        private Dictionary<string, JsonElement> Members(JsonElement element, string? key, string[]? allowed)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Mistake(key, $"is {Describe(element)}; expected an object");
            }

            var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                if (allowed is not null && !allowed.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw Mistake(Path(key, property.Name), $"is not a key here (keys: {string.Join(", ", allowed)})");
                }

                if (!members.TryAdd(property.Name, property.Value))
                {
                    throw Mistake(Path(key, property.Name), "appears twice");
                }
            }

            return members;
        }

        private string Text(JsonElement element, string key) =>
            element.ValueKind == JsonValueKind.String ? element.GetString()! : throw Mistake(key, $"is {Describe(element)}; expected a string");

        private string NonEmpty(JsonElement element, string key)
        {
            var text = Text(element, key);
            return text.Trim().Length > 0 ? text : throw Mistake(key, "is empty");
        }

        /// <summary>A value written into a column: a string, or a number written as in the folder format.</summary>
        private string Scalar(JsonElement element, string key) => element.ValueKind switch
        {
            JsonValueKind.String => element.GetString()!,
            JsonValueKind.Number => element.GetDecimal().ToString(CultureInfo.InvariantCulture),
            _ => throw Mistake(key, $"is {Describe(element)}; expected a string or a number"),
        };

        private decimal Number(JsonElement element, string key) =>
            element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var number) && number != 0
                ? number
                : throw Mistake(key, $"is {Describe(element)}; expected a non-zero number");

        private bool Bool(JsonElement element, string key) => element.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Mistake(key, $"is {Describe(element)}; expected true or false"),
        };

        private List<string> Strings(JsonElement element, string key)
        {
            if (element.ValueKind != JsonValueKind.Array)
            {
                throw Mistake(key, $"is {Describe(element)}; expected a list of strings");
            }

            return [.. element.EnumerateArray().Select((e, i) => NonEmpty(e, $"{key}[{i}]"))];
        }

        private List<string> NonEmptyList(JsonElement element, string key)
        {
            var list = Strings(element, key);
            return list.Count > 0 ? list : throw Mistake(key, "is an empty list");
        }

        private static string Describe(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.String => $"the string \"{element.GetString()}\"",
            JsonValueKind.Number => $"the number {element.GetRawText()}",
            JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
            JsonValueKind.Null => "null",
            JsonValueKind.Array => "a list",
            _ => "an object",
        };

        private MappingException Mistake(string? key, string reason) => new(mapping, key, reason);
    }

    /// <summary>A key's path: <c>files."opportunities.csv".columns.amount</c>, quoting names that are not plain words.</summary>
    internal static string Path(string? parent, string name)
    {
        var plain = name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        var segment = plain ? name : $"\"{name}\"";
        return parent is null ? segment : $"{parent}.{segment}";
    }
}
