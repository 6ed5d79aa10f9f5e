using Bellwether.Core.Data;
using Bellwether.Core.Time;

namespace Bellwether.Core.Clients;

/// <summary>
/// How well the churn-risk ranking finds the next quarter's churners: at each quarter's first instant the model is
/// fitted on what was known then and ranks the clients; of the clients that then had no revenue in the quarter (the
/// churners), how many were in the top tenth of the ranking — beside the same share for two rankings a person could
/// make without a model: smallest client first (revenue of the last three months over) and longest since the last
/// meeting first (or since the client's first record, for one never met). A ranking by chance holds about 10%. The same
/// model fitted on revenue's features alone and on engagement's alone shows what each file adds.
/// </summary>
internal static class ChurnBacktest
{
    /// <summary>The backtest of one quarter: its clients and churners, and the churners each ranking put in its top tenth.</summary>
    public sealed record Quarter(string Label, int Clients, int Churners, int TopTenth, int ByModel, int BySize, int ByMeetingGap, int ByRevenueOnly, int ByEngagementOnly, string? MissingReason)
    {
        public static double Capture(int caught, int churners) => churners == 0 ? double.NaN : caught / (double)churners;
    }

    /// <param name="data">The company.</param>
    /// <param name="quarters">The quarters to rank at the start of.</param>
    /// <param name="penalty">The ridge penalty.</param>
    /// <param name="ablations">Whether to fit the revenue-only and engagement-only models too (two more fits a quarter).</param>
    public static IReadOnlyList<Quarter> Run(Dataset data, IReadOnlyList<Period> quarters, double penalty = ChurnRiskModel.DefaultPenalty, bool ablations = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(quarters);
        return [.. quarters.Select(q => One(data, q, penalty, ablations))];
    }

    private static Quarter One(Dataset data, Period quarter, double penalty, bool ablations)
    {
        var book = ClientBook.Build(data, quarter.StartInstant);
        var model = ChurnRiskModel.Fit(book, out var missing, penalty);
        if (model is null)
        {
            return new Quarter(quarter.Label, 0, 0, 0, 0, 0, 0, 0, 0, missing);
        }

        var m = book.RevenueEnd;
        var stayed = data.Revenue
            .Where(r => r.Revenue > 0 && MonthIndex.Of(r.Month) >= m && MonthIndex.Of(r.Month) < m + ChurnRiskModel.Horizon)
            .Select(r => r.AccountId)
            .ToHashSet(StringComparer.Ordinal);
        var cut = Cut.Of(book);
        var clients = model.Score(book, cut, data.Settings.Currency);
        var facts = clients.ToDictionary(c => c.AccountId, c => ClientFacts.Of(book, book.IndexOf(c.AccountId), cut), StringComparer.Ordinal);
        var top = (clients.Count + 9) / 10;
        int Caught(IEnumerable<ClientRisk> ranking) => ranking.Take(top).Count(c => !stayed.Contains(c.AccountId));
        return new Quarter(
            quarter.Label,
            clients.Count,
            clients.Count(c => !stayed.Contains(c.AccountId)),
            top,
            Caught(clients),
            Caught(clients.OrderBy(c => c.RevenueAtStake).ThenBy(c => c.AccountId, StringComparer.Ordinal)),
            Caught(clients.OrderByDescending(c => facts[c.AccountId].DaysSinceMeeting ?? facts[c.AccountId].DaysKnown).ThenBy(c => c.AccountId, StringComparer.Ordinal)),
            Ablation(ChurnRiskModel.ChurnInputs.Revenue),
            Ablation(ChurnRiskModel.ChurnInputs.Engagement),
            null);

        int Ablation(ChurnRiskModel.ChurnInputs inputs) =>
            ablations && ChurnRiskModel.Fit(book, out _, penalty, inputs) is { } part ? Caught(part.Score(book, cut, data.Settings.Currency)) : 0;
    }
}
