using Bellwether.Core.Reps;
using Bellwether.Core.Slicing;

namespace Bellwether.Core.Indicators.Engine;

/// <summary>
/// Reps by their rep code. Codes below <see cref="ListedCount"/> are the rows of reps.csv in order; codes above are rep
/// ids other files name without a reps.csv row, with unknown attributes, no dates and no role.
/// </summary>
internal sealed class RepTable
{
    /// <summary>Sentinel day numbers: no start date means active since forever, no end date active forever.</summary>
    public const int Always = int.MinValue;
    public const int Forever = int.MaxValue;

    public RepTable(IReadOnlyList<Rep> listed, Codebook book)
    {
        Count = book.Cardinality(Dimension.Rep);
        ListedCount = listed.Count;
        Rep = new Rep?[Count];
        Team = new int[Count];
        Manager = new int[Count];
        Region = new int[Count];
        StartDay = new int[Count];
        EndDay = new int[Count];
        for (var code = 0; code < Count; code++)
        {
            var rep = code < listed.Count ? listed[code] : null;
            Rep[code] = rep;
            Team[code] = book.Code(Dimension.Team, rep?.Team);
            Manager[code] = book.Code(Dimension.Manager, rep?.ManagerId);
            Region[code] = book.Code(Dimension.RepRegion, rep?.Region);
            StartDay[code] = rep?.StartDate?.DayNumber ?? Always;
            EndDay[code] = rep?.EndDate?.DayNumber ?? Forever;
        }

        Codes = new CodeColumns(Count, "reps");
        Codes[Dimension.Rep] = [.. Enumerable.Range(0, Count)];
        Codes[Dimension.Team] = Team;
        Codes[Dimension.Manager] = Manager;
        Codes[Dimension.RepRegion] = Region;
    }

    public int Count { get; }

    public int ListedCount { get; }

    public Rep?[] Rep { get; }

    public int[] Team { get; }

    public int[] Manager { get; }

    public int[] Region { get; }

    /// <summary>First active day (DateOnly.DayNumber), or <see cref="Always"/>.</summary>
    public int[] StartDay { get; }

    /// <summary>Last active day, inclusive, or <see cref="Forever"/>.</summary>
    public int[] EndDay { get; }

    public CodeColumns Codes { get; }

    public string Name(int code, Codebook book) => Rep[code]?.Name ?? book.Value(Dimension.Rep, code);

    /// <summary>Copies the rep attributes of a table's rows (given each row's rep code) into its code columns.</summary>
    public void Attach(CodeColumns codes, int[] repOfRow)
    {
        codes[Dimension.Rep] = repOfRow;
        codes[Dimension.Team] = CodeColumns.Through(repOfRow, Team);
        codes[Dimension.Manager] = CodeColumns.Through(repOfRow, Manager);
        codes[Dimension.RepRegion] = CodeColumns.Through(repOfRow, Region);
    }
}
