using System.Globalization;

namespace Bellwether.Core.Budget;

/// <summary>
/// What holding a company in memory costs, estimated from its stored row counts before a row is read: the records
/// (bytes a stored row becomes once loaded, measured by <c>Bellwether.Benchmarks load</c>) and the working set of a
/// process that also prepares the indicator engine and fits the forecaster on them. A company whose working set
/// would not fit the memory the process may use is refused before it loads — one clear message instead of a machine
/// that swaps or a process the kernel kills minutes later.
/// </summary>
public sealed record CompanyFootprint
{
    /// <summary>
    /// The memory a process needs to load the company, prepare the indicator engine and fit the forecaster, as a
    /// multiple of the records, found by running <c>bellwether plans</c> (load, engine, two fits, every open plan's
    /// forecast) under a hard heap limit: at demo scale 1 (≈ 22 MB of records) it ran out at 64 MB and completed at
    /// 96 MB; at scale 10 (214 MB) it ran out at 768 MB and completed at 896 MB. Four times the records is refused
    /// where it ran out and allowed where it completed. A million deals (2.1 GB of records) then needs about 8.5 GB:
    /// the serving process held 4.9 GB live after a full collection and peaked at 11 GB under four users.
    /// </summary>
    public const double WorkingSetPerRecordByte = 4;

    /// <summary>
    /// Bytes a stored row takes once loaded, per table, measured on demo stores at scales 10 and 100 (the larger of
    /// the two). Activities are loaded as counts per rep, day and type, so a stored activity costs only its share of
    /// a count; a company that logs one activity per rep and day costs more per row than the demo.
    /// </summary>
    private static readonly Dictionary<string, double> BytesPerRow = new(StringComparer.Ordinal)
    {
        ["reps"] = 290,
        ["quotas"] = 70,
        ["accounts"] = 235,
        ["stages"] = 360,
        ["opportunities"] = 265,
        ["opportunity_history"] = 110,
        ["leads"] = 230,
        ["activities"] = 8,
        ["revenue"] = 130,
        ["expenses"] = 60,
        ["engagement"] = 120,
        ["plans"] = 240,
        ["standards"] = 320,
    };

    /// <summary>What the store holds of the tables to be loaded: table → rows.</summary>
    public required IReadOnlyDictionary<string, long> Rows { get; init; }

    /// <summary>The loaded records, in bytes.</summary>
    public long RecordBytes => (long)Rows.Sum(r => r.Value * BytesPerRow.GetValueOrDefault(r.Key, 200));

    /// <summary>The process's working set once the company is loaded, its engine prepared and the forecaster fitted, in bytes.</summary>
    public long WorkingSetBytes => (long)(RecordBytes * WorkingSetPerRecordByte);

    /// <summary>
    /// Throws <see cref="WorkTooLargeException"/> when the working set would not fit <paramref name="availableBytes"/>
    /// (what the process may use: the machine's memory, a container's limit or the runtime's hard heap limit).
    /// </summary>
    public void EnsureFits(long availableBytes, string what)
    {
        if (WorkingSetBytes <= availableBytes)
        {
            return;
        }

        var counted = string.Join(", ", new[] { ("opportunities", "deals"), ("activities", "activities"), ("accounts", "accounts") }
            .Where(t => Rows.ContainsKey(t.Item1))
            .Select(t => string.Create(CultureInfo.InvariantCulture, $"{Rows[t.Item1]:#,0} {t.Item2}")));
        throw new WorkTooLargeException(
            $"{what}{(counted.Length > 0 ? $" ({counted})" : "")} needs about {MemoryBudget.Size(WorkingSetBytes)} of memory to load, index and forecast ({MemoryBudget.Size(RecordBytes)} of it the records), more than the {MemoryBudget.Size(availableBytes)} this process may use (the machine's memory, a container's limit or DOTNET_GCHeapHardLimit): run it where more memory is available, or import a shorter history. Nothing was loaded; `bellwether status` still reads what the store holds.",
            WorkingSetBytes,
            alwaysTooLarge: true);
    }
}
