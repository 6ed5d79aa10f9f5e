using Bellwether.Core.Data;
using Bellwether.Core.Time;

namespace Bellwether.Core.Clients;

/// <summary>
/// How well the second-line ranking finds the clients that buy a second service line: at each quarter's first instant
/// the model is fitted on what was known then and ranks the single-line clients; the precision of its top tenth (the
/// share that had revenue from another line within the quarter) beside the base rate (the share of all single-line
/// clients that did), which is what a ranking by chance would get; and the same for the model without open deals (the
/// look-alike alone), since a deal already open for another line is the strongest sign there is.
/// </summary>
internal static class ExpansionBacktest
{
    /// <summary>One quarter: single-line clients, those that bought a second line, the top tenth and the buyers in it, and the same for the look-alike alone (no open deals read).</summary>
    public sealed record Quarter(string Label, int Clients, int Bought, int TopTenth, int BoughtInTopTenth, int LookalikeAloneInTopTenth, string? MissingReason);

    public static IReadOnlyList<Quarter> Run(Dataset data, IReadOnlyList<Period> quarters, double penalty = SecondLineModel.DefaultPenalty)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(quarters);
        return [.. quarters.Select(q => One(data, q, penalty))];
    }

    private static Quarter One(Dataset data, Period quarter, double penalty)
    {
        var book = ClientBook.Build(data, quarter.StartInstant);
        var model = SecondLineModel.Fit(book, out var missing, penalty);
        if (model is null)
        {
            return new Quarter(quarter.Label, 0, 0, 0, 0, 0, missing);
        }

        // What happened is read from a book that knows the quarter's revenue.
        var after = ClientBook.Build(data, quarter.EndInstant);
        var m = book.RevenueEnd;
        var clients = model.Score(book, Cut.Of(book), data.Settings.Currency);
        bool Bought(ExpansionCandidate c) => SecondLineModel.Added(after, after.IndexOf(c.AccountId), m) != 0;
        var top = (clients.Count + 9) / 10;
        var lookalike = SecondLineModel.Fit(book, out _, penalty, pipeline: false)?.Score(book, Cut.Of(book), data.Settings.Currency) ?? [];
        return new Quarter(quarter.Label, clients.Count, clients.Count(Bought), top, clients.Take(top).Count(Bought), lookalike.Take(top).Count(Bought), null);
    }
}
