using System.Collections.Concurrent;
using Bellwether.Core.Import;
using DuckDB.NET.Data;

namespace Bellwether.Storage.DuckDb;

/// <summary>
/// Appends rows (valid ones, and rejected ones as far as they were read) to a staging table through DuckDB's appender. Rows are copied into batches that a second
/// thread appends while the import goes on reading and checking the next rows, so the two halves of the work run on
/// two cores. Disposing waits for every batch and surfaces any error from the appending thread.
/// </summary>
internal sealed class DuckDbStagingWriter : IStagingWriter
{
    private const int BatchRows = 4096;

    private readonly DuckDBAppender _appender;
    private readonly ColumnKind[] _kinds;
    private readonly BlockingCollection<Batch> _full = new(boundedCapacity: 2);
    private readonly ConcurrentBag<Batch> _free = [];
    private readonly Task _appending;
    private Batch _current;

    public DuckDbStagingWriter(DuckDBAppender appender, FileSchema schema)
    {
        _appender = appender;
        _kinds = [.. schema.Columns.Select(c => c.Kind)];
        _current = new Batch(_kinds.Length);
        _appending = Task.Factory.StartNew(AppendBatches, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public void Add(int file, int line, ReadOnlySpan<Cell> cells, string? attributes) => Add(file, line, cells, attributes, rejected: false, keyRead: true);

    public void AddRejected(int file, int line, ReadOnlySpan<Cell> cells, bool keyRead) => Add(file, line, cells, null, rejected: true, keyRead);

    private void Add(int file, int line, ReadOnlySpan<Cell> cells, string? attributes, bool rejected, bool keyRead)
    {
        _current.Add(file, line, cells, attributes, rejected, keyRead);
        if (_current.Count == BatchRows)
        {
            Hand(_current);
            _current = _free.TryTake(out var batch) ? batch : new Batch(_kinds.Length);
        }
    }

    public void Dispose()
    {
        try
        {
            if (_current.Count > 0 && !_appending.IsCompleted)
            {
                Hand(_current);
            }

            _full.CompleteAdding();
            _appending.GetAwaiter().GetResult();
        }
        finally
        {
            _appender.Dispose();
            _full.Dispose();
        }
    }

    private void Hand(Batch batch)
    {
        try
        {
            _full.Add(batch);
        }
        catch (InvalidOperationException) when (_appending.IsFaulted)
        {
            _appending.GetAwaiter().GetResult();
        }
    }

    private void AppendBatches()
    {
        try
        {
            foreach (var batch in _full.GetConsumingEnumerable())
            {
                for (var r = 0; r < batch.Count; r++)
                {
                    AppendRow(batch, r);
                }

                batch.Clear();
                _free.Add(batch);
            }
        }
        catch
        {
            // Stop taking batches, so that the reading thread's next hand-over fails and sees this error.
            _full.CompleteAdding();
            throw;
        }
    }

    private void AppendRow(Batch batch, int r)
    {
        var row = _appender.CreateRow().AppendValue((int?)batch.Files[r]).AppendValue((int?)batch.Lines[r]);
        var cells = batch.Cells.AsSpan(r * _kinds.Length, _kinds.Length);
        for (var i = 0; i < cells.Length; i++)
        {
            ref readonly var cell = ref cells[i];
            if (cell.IsNull)
            {
                row.AppendNullValue();
                continue;
            }

            switch (_kinds[i])
            {
                case ColumnKind.Instant:
                    row.AppendValue((DateTime?)new DateTime(cell.Ticks, DateTimeKind.Utc));
                    break;
                case ColumnKind.Date:
                case ColumnKind.Month:
                    row.AppendValue((DateOnly?)cell.Date);
                    break;
                case ColumnKind.Money:
                case ColumnKind.SignedNumber:
                    row.AppendValue((decimal?)cell.Number);
                    break;
                case ColumnKind.Count:
                    row.AppendValue((long?)(long)cell.Number);
                    break;
                case ColumnKind.Probability:
                    row.AppendValue((double?)(double)cell.Number);
                    break;
                default:
                    row.AppendValue(cell.Text);
                    break;
            }
        }

        row.AppendValue(batch.Attributes[r]).AppendValue((bool?)batch.Rejected[r]).AppendValue((bool?)batch.KeyRead[r]).EndRow();
    }

    /// <summary>Rows copied out of the reader's reusable buffer.</summary>
    private sealed class Batch(int width)
    {
        public readonly int[] Files = new int[BatchRows];
        public readonly int[] Lines = new int[BatchRows];
        public readonly string?[] Attributes = new string?[BatchRows];
        public readonly bool[] Rejected = new bool[BatchRows];
        public readonly bool[] KeyRead = new bool[BatchRows];
        public readonly Cell[] Cells = new Cell[BatchRows * width];

        public int Count { get; private set; }

        public void Add(int file, int line, ReadOnlySpan<Cell> cells, string? attributes, bool rejected, bool keyRead)
        {
            Files[Count] = file;
            Lines[Count] = line;
            Attributes[Count] = attributes;
            Rejected[Count] = rejected;
            KeyRead[Count] = keyRead;
            cells.CopyTo(Cells.AsSpan(Count * width, width));
            Count++;
        }

        public void Clear()
        {
            Array.Clear(Cells);
            Array.Clear(Attributes);
            Count = 0;
        }
    }
}
