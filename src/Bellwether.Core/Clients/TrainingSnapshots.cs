namespace Bellwether.Core.Clients;

/// <summary>
/// The past moments a client model learns from: the first instants of earlier months, each with the clients as they
/// stood then and what happened in the months after. Only moments whose outcome was over by the book's instant are
/// used, so a model fitted as of t has seen nothing after t.
/// </summary>
internal static class TrainingSnapshots
{
    /// <summary>Months of history a snapshot needs before it: three of revenue, and three more for the trends.</summary>
    public const int HistoryMonths = 4;

    /// <summary>Training rows kept at most; a larger company keeps every n-th client (the same ones in every snapshot).</summary>
    public const int MaxRows = 60_000;

    /// <summary>
    /// The month cuts to learn from, oldest first: the latest whose <paramref name="horizon"/> months of outcome are
    /// over by the book's instant, and up to <paramref name="max"/> months before it, none earlier than
    /// <see cref="HistoryMonths"/> after the first revenue.
    /// </summary>
    public static IReadOnlyList<int> Cuts(ClientBook book, int horizon, int max)
    {
        if (book.FirstRevenueMonth == int.MaxValue)
        {
            return [];
        }

        var last = book.RevenueEnd - horizon;
        var first = Math.Max(book.FirstRevenueMonth + HistoryMonths, last - max + 1);
        return first > last ? [] : [.. Enumerable.Range(first, last - first + 1)];
    }

    /// <summary>
    /// The training rows of a model: at each cut, each client in the model's population (a fixed spread of them when
    /// there are more than <see cref="MaxRows"/> rows in all), its features and whether the outcome followed.
    /// </summary>
    /// <param name="book">What is known.</param>
    /// <param name="cuts">The months to learn from (<see cref="Cuts"/>).</param>
    /// <param name="inPopulation">Whether an account (index) counts at a cut (month): a client, a single-line client…</param>
    /// <param name="outcome">Whether the outcome followed the cut, read from the months after it.</param>
    /// <param name="features">The model's features of a client's facts.</param>
    /// <param name="seen">Told of each row kept: account, month, outcome.</param>
    public static (List<double[]> Rows, List<bool> Outcomes) Gather(
        ClientBook book,
        IReadOnlyList<int> cuts,
        Func<int, int, bool> inPopulation,
        Func<int, int, bool> outcome,
        Func<ClientFacts, double[]> features,
        Action<int, int, bool>? seen = null)
    {
        ArgumentNullException.ThrowIfNull(book);
        var population = cuts.Sum(m => (long)book.WithData.Count(a => inPopulation(a, m)));
        var stride = Stride(population);
        var rows = new List<double[]>();
        var outcomes = new List<bool>();
        foreach (var m in cuts)
        {
            var cut = Cut.AtMonth(m);
            foreach (var a in book.WithData)
            {
                if (Kept(a, stride) && inPopulation(a, m))
                {
                    var happened = outcome(a, m);
                    rows.Add(features(ClientFacts.Of(book, a, cut)));
                    outcomes.Add(happened);
                    seen?.Invoke(a, m, happened);
                }
            }
        }

        return (rows, outcomes);
    }

    /// <summary>
    /// Every how many clients one is kept so that <paramref name="rows"/> rows stay within <see cref="MaxRows"/>, and
    /// whether a client is kept: a fixed spread of account indexes, so each kept client is seen in every snapshot.
    /// </summary>
    public static int Stride(long rows) => (int)Math.Max(1, (rows + MaxRows - 1) / MaxRows);

    public static bool Kept(int account, int stride) => stride == 1 || (uint)(account * 2654435761u) % (uint)stride == 0;
}
