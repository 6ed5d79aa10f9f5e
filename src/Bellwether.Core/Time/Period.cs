namespace Bellwether.Core.Time;

/// <summary>
/// A span of whole days, <see cref="Start"/> inclusive to <see cref="End"/> exclusive, named as in the data format
/// (<c>2025-03-31</c>, <c>2025-W14</c>, <c>2025-03</c>, <c>2025-Q1</c>, <c>2025</c>). Quarters and years are fiscal, so a
/// period is made by a <see cref="FiscalCalendar"/>, which fixes what its label means.
/// </summary>
public readonly record struct Period
{
    internal Period(Grain grain, DateOnly start, DateOnly end, string label)
    {
        Grain = grain;
        Start = start;
        End = end;
        Label = label;
    }

    public Grain Grain { get; }

    /// <summary>First day of the period.</summary>
    public DateOnly Start { get; }

    /// <summary>First day after the period.</summary>
    public DateOnly End { get; }

    public string Label { get; }

    /// <summary>The period's first instant, midnight UTC of <see cref="Start"/>.</summary>
    public DateTimeOffset StartInstant => Instants.StartOfDay(Start);

    /// <summary>The first instant after the period, midnight UTC of <see cref="End"/>.</summary>
    public DateTimeOffset EndInstant => Instants.StartOfDay(End);

    public int Days => End.DayNumber - Start.DayNumber;

    public bool Contains(DateOnly day) => day >= Start && day < End;

    public bool Contains(DateTimeOffset instant) => instant >= StartInstant && instant < EndInstant;

    public bool Contains(Period other) => other.Start >= Start && other.End <= End;

    public bool Overlaps(DateOnly start, DateOnly endExclusive) => start < End && endExclusive > Start;

    public override string ToString() => Label;
}
