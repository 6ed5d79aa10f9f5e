using Bellwether.Core.Accounts;

namespace Bellwether.Core.Import;

/// <summary>
/// Runs one import: reads and checks every row of every table, stages them (rows that failed a check of their own
/// cells marked rejected), runs the checks that need the whole import and the store (duplicate keys, references) on
/// every staged row, and then either commits the valid rows in one transaction or, on any error without
/// <see cref="ImportOptions.SkipInvalid"/>, stores nothing. Files are processed parents first, so that a row that
/// names a rejected row is rejected too, with or without <c>--skip-invalid</c>: the report is the same either way.
/// A file given again byte for byte since the last import stored all of its rows (and nothing else has written its
/// table since) is not read again: its rows are in the store, and the other files' references are checked there.
/// </summary>
public sealed class ImportRunner(IImportSession session, IProgress<ImportProgress>? progress = null)
{
    /// <summary>The columns whose newest value is the export's instant (never an expected close date).</summary>
    private static readonly HashSet<string> AsOfColumns = new(StringComparer.Ordinal) { "created_at", "closed_at", "occurred_at", "changed_at" };

    private const int ProgressEvery = 20_000;

    public ImportResult Run(ImportSource source, ImportOptions options, Action<string>? afterTable = null)
    {
        var errors = new ImportErrors();
        errors.AddRange(source.Problems);
        var rejected = new Dictionary<int, HashSet<int>>();
        var read = new Dictionary<FileSchema, long>();
        var rejectedCount = new Dictionary<FileSchema, long>();
        var staged = new HashSet<FileSchema>();
        var newestTicks = long.MinValue;
        var newestByTable = new Dictionary<FileSchema, long>();
        var fingerprints = new Dictionary<FileSchema, string>();
        var reused = new Dictionary<FileSchema, StoredFingerprint>();
        long rowsSoFar = 0;

        void Reject(FileSchema schema, int file, int line)
        {
            if (!rejected.TryGetValue(file, out var lines))
            {
                rejected[file] = lines = [];
            }

            if (lines.Add(line))
            {
                rejectedCount[schema] = rejectedCount.GetValueOrDefault(schema) + 1;
            }
        }

        string FileName(int index) => index >= 0 && index < source.Files.Count ? source.Files[index].Name : "(derived)";

        foreach (var table in source.Tables.OrderBy(t => IndexOf(t.Schema)))
        {
            var schema = table.Schema;
            if (table.Fingerprint?.Invoke() is { } fingerprint)
            {
                fingerprints[schema] = fingerprint;
                if (!options.ReadAll && session.Fingerprint(schema) is { } known && known.Value == fingerprint)
                {
                    reused[schema] = known;
                    newestTicks = Math.Max(newestTicks, known.NewestTicks ?? long.MinValue);
                    continue;
                }
            }

            var tableNewest = long.MinValue;
            var reader = new RowReader(schema, table.Header, table.ColumnLabel);
            foreach (var (column, reason) in reader.HeaderProblems)
            {
                errors.Add(new ImportError(FileName(table.HeaderFile), 1, column, null, reason));
            }

            var headerBroken = reader.HeaderProblems.Count > 0;
            var asOfIndexes = schema.Columns
                .Select((c, i) => (c, i))
                .Where(x => x.c.Kind == ColumnKind.Instant && AsOfColumns.Contains(x.c.Name))
                .Select(x => x.i)
                .ToArray();
            using var writer = headerBroken ? null : session.Stage(schema);
            long count = 0;
            foreach (var row in table.Rows)
            {
                count++;
                if (writer is null)
                {
                    // A row under a broken header is rejected without an error of its own: the header's error says why.
                    Reject(schema, row.File, row.Line);
                }
                else if (reader.TryRead(row.Values, FileName(row.File), row.Line, errors, row.Problems))
                {
                    writer.Add(row.File, row.Line, reader.Cells, reader.Attributes);
                    foreach (var i in asOfIndexes)
                    {
                        var cell = reader.Cells[i];
                        if (!cell.IsNull && cell.Ticks > tableNewest)
                        {
                            tableNewest = cell.Ticks;
                        }
                    }
                }
                else
                {
                    Reject(schema, row.File, row.Line);
                    if (reader.CellsUsable)
                    {
                        writer.AddRejected(row.File, row.Line, reader.Cells, reader.KeyRead);
                    }
                }

                if (++rowsSoFar % ProgressEvery == 0)
                {
                    progress?.Report(new ImportProgress(ImportPhase.Reading, schema.FileName, rowsSoFar, source.BytesRead?.Invoke() ?? 0, source.TotalBytes));
                }
            }

            read[schema] = count;
            newestByTable[schema] = tableNewest;
            newestTicks = Math.Max(newestTicks, tableNewest);
            if (!headerBroken)
            {
                staged.Add(schema);
            }
        }

        progress?.Report(new ImportProgress(ImportPhase.Checking, "", rowsSoFar, source.TotalBytes, source.TotalBytes));
        foreach (var schema in FileSchemas.All.Where(s => s.Required))
        {
            if (!staged.Contains(schema) && !read.ContainsKey(schema) && !session.StoreHas(schema))
            {
                errors.Add(new ImportError(schema.FileName, 0, "", null, "is required: the workspace has none yet"));
            }
        }

        var given = staged.Select(s => s.FileName).ToHashSet(StringComparer.Ordinal);
        // "line 3" of the file named just before, or "sales_teams.csv line 3" where a preset built that file from another.
        string LineOf(SourceLine other, string file) => FileName(other.File) == file ? $"line {other.Line}" : $"{FileName(other.File)} line {other.Line}";

        foreach (var schema in FileSchemas.All.Where(staged.Contains))
        {
            var table = source.Tables.FirstOrDefault(t => t.Schema == schema);
            string Label(string column) => table?.ColumnLabel?.Invoke(column) ?? column;
            var bad = new List<(int File, int Line)>();
            var keyLabel = string.Join(", ", schema.Key.Select(Label));
            foreach (var problem in session.Duplicates(schema))
            {
                errors.Add(new ImportError(FileName(problem.File), problem.Line, keyLabel, problem.Value, $"duplicates {LineOf(problem.Other!.Value, FileName(problem.File))}"));
                bad.Add((problem.File, problem.Line));
            }

            // Without accounts.csv every account id is made an account, so no id can be unknown.
            var references = schema.Columns
                .Where(c => c.References is not null)
                .Select(c => (Column: c, Target: FileSchemas.ForFile(c.References!)!))
                .Where(r => r.Target != FileSchemas.Accounts || read.ContainsKey(FileSchemas.Accounts))
                .ToList();
            var selfReferencing = references.Any(r => r.Target == schema);
            var reported = new HashSet<(int File, int Line, string Column)>();
            bool again;
            do
            {
                var before = bad.Count;
                foreach (var (column, target) in references)
                {
                    foreach (var problem in session.UnknownReferences(schema, column, target))
                    {
                        if (!reported.Add((problem.File, problem.Line, column.Name)))
                        {
                            continue;
                        }

                        var reason = problem.Other is { } rejectedRow
                            ? $"names a rejected row of {target.FileName} ({LineOf(rejectedRow, target.FileName)})"
                            : $"is not in {target.FileName} or the store";
                        errors.Add(new ImportError(FileName(problem.File), problem.Line, Label(column.Name), problem.Value, reason));
                        bad.Add((problem.File, problem.Line));
                    }
                }

                if (bad.Count > 0)
                {
                    foreach (var (file, line) in bad)
                    {
                        Reject(schema, file, line);
                    }

                    // Marked rejected even when nothing will be stored, so that the rows naming them are reported
                    // exactly as --skip-invalid would quarantine them.
                    session.Reject(schema, bad);
                }

                // A rep whose manager was just rejected names a rejected row too: check the file against itself again.
                again = selfReferencing && bad.Count > before;
                bad.Clear();
            }
            while (again);
        }

        // After the checks, so that an id named only by rows they rejected makes no account.
        long derivedAccounts = 0;
        if (!read.ContainsKey(FileSchemas.Accounts))
        {
            var references = staged
                .SelectMany(s => s.Columns.Where(c => c.References == FileSchemas.Accounts.FileName).Select(c => (s, c)))
                .ToList();
            derivedAccounts = session.DeriveAccounts(references);
            if (derivedAccounts > 0)
            {
                staged.Add(FileSchemas.Accounts);
            }
        }

        // After the rows are read: a preset's notes appear as its rows stream.
        var notes = new List<string>(source.Notes.All);
        // One line per earlier import whose files came again unchanged, not one per file.
        notes.AddRange(reused
            .GroupBy(r => r.Value.ImportId)
            .Select(g => $"{string.Join(", ", g.Select(r => r.Key.FileName))}: the same bytes as import {g.Key} stored, not read again ({g.Sum(r => r.Value.Rows):N0} rows unchanged; --read-all reads them)."));
        if (derivedAccounts > 0)
        {
            notes.Add($"No accounts.csv: made {derivedAccounts} accounts from the ids the other files name (vertical {Account.UnknownVertical}).");
        }

        var asOf = options.AsOf ?? (newestTicks == long.MinValue ? options.StartedAt : new DateTimeOffset(newestTicks, TimeSpan.Zero));
        var frozenRejected = rejected.ToDictionary(kv => kv.Key, kv => (IReadOnlySet<int>)kv.Value);
        if (errors.Count > 0 && !options.SkipInvalid)
        {
            return new ImportResult
            {
                Stored = false,
                Errors = errors.Listed,
                ErrorCount = errors.Count,
                UnlistedErrors = errors.Unlisted,
                Files = Summaries(read, rejectedCount, reused, source, null),
                RejectedLines = frozenRejected,
                AsOf = asOf,
                Notes = notes,
            };
        }

        progress?.Report(new ImportProgress(ImportPhase.Storing, "", rowsSoFar, source.TotalBytes, source.TotalBytes));
        var commit = session.Commit(
            new CommitRequest
            {
                Source = source.Description,
                Preset = source.Preset,
                AsOf = asOf,
                StartedAt = options.StartedAt,
                // A history file given again unchanged still speaks for the deals' history, as when it was read.
                HistoryInImport = staged.Contains(FileSchemas.OpportunityHistory) || reused.ContainsKey(FileSchemas.OpportunityHistory),
                FilesGiven = given,
                HistoryFallbackStage = source.HistoryFallbackStage,
                // Remembered only for a table whose every row was stored: a rejected row may become valid when another
                // file changes, so its file must be read again next time.
                Fingerprints = [.. staged.Where(read.ContainsKey).Select(s => new TableFingerprint(
                    s,
                    rejectedCount.GetValueOrDefault(s) == 0 ? fingerprints.GetValueOrDefault(s) : null,
                    newestByTable.GetValueOrDefault(s, long.MinValue) is var t && t != long.MinValue ? t : null,
                    read[s]))],
            },
            afterTable);
        progress?.Report(new ImportProgress(ImportPhase.Done, "", rowsSoFar, source.TotalBytes, source.TotalBytes));
        return new ImportResult
        {
            Stored = true,
            Errors = errors.Listed,
            ErrorCount = errors.Count,
            UnlistedErrors = errors.Unlisted,
            Files = Summaries(read, rejectedCount, reused, source, commit),
            RejectedLines = frozenRejected,
            AsOf = asOf,
            ImportId = commit.ImportId,
            Notes = notes,
        };
    }

    private static int IndexOf(FileSchema schema)
    {
        for (var i = 0; i < FileSchemas.All.Count; i++)
        {
            if (FileSchemas.All[i] == schema)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static List<FileSummary> Summaries(
        Dictionary<FileSchema, long> read,
        Dictionary<FileSchema, long> rejected,
        Dictionary<FileSchema, StoredFingerprint> reused,
        ImportSource source,
        CommitResult? commit)
    {
        bool Touched(TableCounts c) => c.Inserted + c.Updated + c.Unchanged + c.Absent + c.Derived > 0;
        var schemas = FileSchemas.All
            .Where(s => read.ContainsKey(s) || reused.ContainsKey(s) || (commit?.Tables.TryGetValue(s.Table, out var c) == true && Touched(c)))
            .ToList();
        return
        [
            .. schemas.Select(s => new FileSummary
            {
                File = s.FileName,
                Read = read.GetValueOrDefault(s),
                Rejected = rejected.GetValueOrDefault(s),
                Repaired = source.Notes.Repaired.GetValueOrDefault(s.FileName),
                // A file not read again: every row it had is in the store as it was.
                Counts = reused.TryGetValue(s, out var same) ? new TableCounts { Unchanged = same.Rows }
                    : commit?.Tables.GetValueOrDefault(s.Table) ?? new TableCounts(),
            }),
        ];
    }
}
