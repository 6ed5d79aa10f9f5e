namespace Bellwether.Core.Import;

/// <summary>What a column holds, which decides how it is read, checked and stored.</summary>
public enum ColumnKind
{
    /// <summary>An identifier: trimmed, case-sensitive text.</summary>
    Id,

    /// <summary>Free text, trimmed.</summary>
    Text,

    /// <summary>One of a fixed set of snake_case words, matched case-insensitively, stored lower-case.</summary>
    Enum,

    /// <summary>An instant: a date (its first instant) or a date and time, UTC unless an offset is given.</summary>
    Instant,

    /// <summary>A business date, <c>YYYY-MM-DD</c>.</summary>
    Date,

    /// <summary>A month, <c>YYYY-MM</c>, stored as its first day.</summary>
    Month,

    /// <summary>A period label: day, ISO week, month, fiscal quarter or fiscal year.</summary>
    Period,

    /// <summary>Money that is never negative.</summary>
    Money,

    /// <summary>A decimal number that may be negative (plan targets, NPS scores).</summary>
    SignedNumber,

    /// <summary>A whole number that is never negative.</summary>
    Count,

    /// <summary>A probability, 0 to 1.</summary>
    Probability,

    /// <summary>A slice: dimension=value pairs joined by ';'.</summary>
    Slice,
}
