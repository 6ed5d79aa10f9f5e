using Bellwether.Core.Import;
using DuckDB.NET.Data;

namespace Bellwether.Storage.DuckDb;

/// <summary>Appends validated rows to a staging table through DuckDB's appender, the fastest way into a table.</summary>
internal sealed class DuckDbStagingWriter(DuckDBAppender appender, FileSchema schema) : IStagingWriter
{
    private readonly ColumnKind[] _kinds = [.. schema.Columns.Select(c => c.Kind)];

    public void Add(int file, int line, ReadOnlySpan<Cell> cells, string? attributes)
    {
        var row = appender.CreateRow().AppendValue((int?)file).AppendValue((int?)line);
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = cells[i];
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

        row.AppendValue(attributes).EndRow();
    }

    public void Dispose() => appender.Dispose();
}
