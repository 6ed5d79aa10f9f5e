using Bellwether.Core.Time;

namespace Bellwether.Core.Demo;

/// <summary>
/// What demo company to simulate. The same options always give the same company, whatever the real clock says:
/// history runs from <see cref="HistoryStart"/> to <see cref="HistoryEnd"/> (both inclusive), and the company's
/// "now" is the first instant after it.
/// </summary>
public sealed record DemoOptions
{
    public static readonly DateOnly DefaultHistoryEnd = new(2026, 11, 27);

    /// <summary>Picks the company: the same seed gives byte-identical output.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>
    /// How many times the company is multiplied: reps, teams and everything they produce. Scale 1 has 20–40 reps
    /// and about 3,300 deals a year; scale 100 about 1,000,000 deals and 20,000,000 activities over three years.
    /// </summary>
    public int Scale { get; init; } = 1;

    /// <summary>The last day of history (inclusive).</summary>
    public DateOnly HistoryEnd { get; init; } = DefaultHistoryEnd;

    /// <summary>Years of history before <see cref="HistoryEnd"/>.</summary>
    public int Years { get; init; } = 3;

    /// <summary>The fiscal year's first month (1 = January), which decides the quarters and years of quotas and plans.</summary>
    public int FiscalYearFirstMonth { get; init; } = 1;

    /// <summary>Scripted shocks to the company's course (none by default): a known cause for checking explanations.</summary>
    public IReadOnlyList<DemoShock> Shocks { get; init; } = [];

    /// <summary>How the company renews its recurring contracts and what its export says of them (<see cref="RenewalPractice.Standard"/> by default).</summary>
    public RenewalPractice Renewals { get; init; } = RenewalPractice.Standard;

    /// <summary>The first day of history.</summary>
    public DateOnly HistoryStart => HistoryEnd.AddYears(-Years).AddDays(1);

    /// <summary>The company's "now": the first instant after history, where the written data ends.</summary>
    public DateTimeOffset Now => Instants.EndOfDay(HistoryEnd);

    public FiscalCalendar Calendar => FiscalYearFirstMonth == 1 ? FiscalCalendar.Default : new FiscalCalendar(FiscalYearFirstMonth);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when an option is out of range.</summary>
    public void Validate()
    {
        if (Scale is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(Scale), Scale, "The scale is a whole number from 1 to 10,000.");
        }

        if (Years is < 1 or > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(Years), Years, "History is 1 to 20 years long.");
        }

        if (FiscalYearFirstMonth is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(FiscalYearFirstMonth), FiscalYearFirstMonth, "The fiscal year's first month is 1 to 12.");
        }

        if (HistoryEnd.Year is < 1990 or > 2200)
        {
            throw new ArgumentOutOfRangeException(nameof(HistoryEnd), HistoryEnd, "History ends between 1990 and 2200.");
        }

        Renewals.Validate();
        foreach (var shock in Shocks)
        {
            shock.Validate();
        }
    }
}
