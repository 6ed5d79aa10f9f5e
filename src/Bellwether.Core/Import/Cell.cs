namespace Bellwether.Core.Import;

/// <summary>
/// One parsed value of a row, kept in a reusable buffer so that reading tens of millions of rows allocates only the
/// strings that are stored. Which field is meaningful depends on the column's kind: text kinds use <see cref="Text"/>;
/// instants use <see cref="Ticks"/> (UTC <see cref="DateTime"/> ticks); dates and months use <see cref="Ticks"/> as a
/// <see cref="DateOnly.DayNumber"/>; numbers use <see cref="Number"/>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1051", Justification = "A hot-path buffer slot; fields are parsed into by reference.")]
public struct Cell
{
    public bool IsNull;
    public string? Text;
    public long Ticks;
    public decimal Number;

    public readonly DateTimeOffset Instant => new(Ticks, TimeSpan.Zero);

    public readonly DateOnly Date => DateOnly.FromDayNumber((int)Ticks);
}
