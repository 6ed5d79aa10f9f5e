namespace Bellwether.Core.Pipeline;

/// <summary>
/// The term a won deal of a recurring service runs for (opportunities.csv's contract_start, contract_end and
/// term_months): from <see cref="Start"/> to <see cref="End"/>, both inclusive, so a renewal falls due on the day after
/// <see cref="End"/>. Business dates, not instants: a term runs on whole days wherever the client is.
/// </summary>
public sealed record ContractTerm
{
    public ContractTerm(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), end, $"A contract cannot end ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).");
        }

        Start = start;
        End = end;
    }

    /// <summary>The first day the contract runs.</summary>
    public DateOnly Start { get; }

    /// <summary>The last day the contract runs (inclusive).</summary>
    public DateOnly End { get; }

    /// <summary>The day its renewal falls due: the first day after the term.</summary>
    public DateOnly Due => End.AddDays(1);

    /// <summary>
    /// The term as the folder format defines it from its optional columns, or null when they do not say when it ends:
    /// the start is <paramref name="start"/> or else the day the deal closed; the end is <paramref name="end"/> or else
    /// start + <paramref name="months"/> − 1 day (a 12-month term from 2025-03-01 ends on 2026-02-28).
    /// </summary>
    public static ContractTerm? From(DateOnly? start, DateOnly? end, int? months, DateOnly? closed)
    {
        if ((start ?? closed) is not { } first)
        {
            return null;
        }

        if (end is { } last)
        {
            return new ContractTerm(first, last);
        }

        return months is > 0 and var m ? new ContractTerm(first, first.AddMonths(m).AddDays(-1)) : null;
    }
}
