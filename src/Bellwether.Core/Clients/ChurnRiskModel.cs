using System.Globalization;
using Bellwether.Core.Time;

namespace Bellwether.Core.Clients;

/// <summary>
/// Churn risk: the chance that a client with revenue in the last three months over has none in the next three. A
/// regularised logistic regression (<see cref="LogisticModel"/>) on the client's facts, learned from monthly snapshots
/// of the book before the instant: at the first instant of each of up to 24 earlier months, the clients then and
/// whether they had revenue in the three months after. The reasons for a client are its features' largest
/// contributions to its log-odds against the average client's.
/// </summary>
internal sealed class ChurnRiskModel
{
    /// <summary>Months ahead a churn is looked for: a quarter.</summary>
    public const int Horizon = 3;

    /// <summary>Monthly snapshots learned from at most: two years.</summary>
    public const int MaxSnapshots = 24;

    /// <summary>Churns the snapshots must hold for a fit: fewer cannot tell signs from chance.</summary>
    public const int MinChurns = 20;

    /// <summary>The ridge penalty, chosen on the tuning seeds (docs/retention.md).</summary>
    public const double DefaultPenalty = 0.01;

    public static readonly IReadOnlyList<ClientFeature> Features =
    [
        ClientFeature.QbrGap,
        ClientFeature.MeetingGap,
        ClientFeature.Nps,
        ClientFeature.NpsDrop,
        ClientFeature.Csat,
        ClientFeature.Tickets,
        ClientFeature.UsageTrend,
        ClientFeature.RevenueTrend,
        ClientFeature.LastMonth,
        ClientFeature.Services,
        ClientFeature.Size,
        ClientFeature.Tenure,
    ];

    /// <summary>The features read from revenue.csv alone; with them goes how long each line's work goes on (<see cref="WorkContinuation"/>).</summary>
    private static readonly ClientFeature[] RevenueFeatures =
        [ClientFeature.RevenueTrend, ClientFeature.LastMonth, ClientFeature.Services, ClientFeature.Size, ClientFeature.Tenure];

    /// <summary>Which files' features a model reads (the backtest fits each alone to show what it adds).</summary>
    public enum ChurnInputs
    {
        All,
        Revenue,
        Engagement,
    }

    private readonly LogisticModel _model;
    private readonly IReadOnlyList<ClientFeature> _features;

    private ChurnRiskModel(LogisticModel model, IReadOnlyList<ClientFeature> features, double baseRate, int snapshots, int rows, int churns)
    {
        _model = model;
        _features = features;
        BaseRate = baseRate;
        Snapshots = snapshots;
        Rows = rows;
        Churns = churns;
    }

    public double BaseRate { get; }

    public int Snapshots { get; }

    public int Rows { get; }

    public int Churns { get; }

    /// <summary>Fits the model as of the book's instant, or says why it cannot (too little history).</summary>
    /// <param name="book">What is known.</param>
    /// <param name="missing">Why no model could be fitted, when none is returned.</param>
    /// <param name="penalty">The ridge penalty.</param>
    /// <param name="inputs">Which files' features to read: both, unless an ablation asks for one.</param>
    public static ChurnRiskModel? Fit(ClientBook book, out string? missing, double penalty = DefaultPenalty, ChurnInputs inputs = ChurnInputs.All)
    {
        ArgumentNullException.ThrowIfNull(book);
        var cuts = TrainingSnapshots.Cuts(book, Horizon, MaxSnapshots);
        var work = WorkContinuation.Learn(book, cuts, (a, m) => book.Revenue(a, m - 3, m) > 0);
        IReadOnlyList<ClientFeature> features = inputs switch
        {
            ChurnInputs.Revenue => [.. RevenueFeatures, work.Feature(book)],
            ChurnInputs.Engagement => [.. Features.Except(RevenueFeatures)],
            _ => [.. Features, work.Feature(book)],
        };
        double[] Vector(ClientFacts facts) => [.. features.Select(f => f.Value(facts))];
        var (rows, churned) = TrainingSnapshots.Gather(
            book,
            cuts,
            (a, m) => book.Revenue(a, m - 3, m) > 0,
            (a, m) => book.Revenue(a, m, m + Horizon) <= 0,
            Vector);
        var churns = churned.Count(c => c);
        if (cuts.Count == 0 || churns < MinChurns || churns == rows.Count)
        {
            var before = MonthIndex.Start(book.RevenueEnd).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            missing = cuts.Count == 0
                ? $"too little history to learn churn from: the revenue before {before} covers fewer than {TrainingSnapshots.HistoryMonths + Horizon} months"
                : $"too little history to learn churn from: {churns} clients churned in the {cuts.Count} monthly snapshots before {before} (at least {MinChurns} needed)";
            return null;
        }

        missing = null;
        return new ChurnRiskModel(LogisticModel.Fit(rows, churned, penalty), features, churns / (double)rows.Count, cuts.Count, rows.Count, churns);
    }

    /// <summary>Every client at the cut (revenue in its last three months over), riskiest first.</summary>
    public IReadOnlyList<ClientRisk> Score(ClientBook book, Cut cut, string currency)
    {
        ArgumentNullException.ThrowIfNull(book);
        var result = new List<ClientRisk>();
        foreach (var a in book.WithData)
        {
            var revenue = book.Revenue(a, cut.RevenueEnd - 3, cut.RevenueEnd);
            if (revenue <= 0)
            {
                continue;
            }

            var facts = ClientFacts.Of(book, a, cut);
            var features = _features.Select(f => f.Value(facts)).ToArray();
            var contributions = _model.Contributions(features);
            var risk = _model.Probability(features);
            result.Add(new ClientRisk
            {
                AccountId = book.Accounts[a].AccountId,
                Name = book.Accounts[a].Name,
                ChurnRisk = risk,
                Band = risk >= 2 * BaseRate ? HealthBand.AtRisk : risk >= BaseRate ? HealthBand.Watch : HealthBand.Healthy,
                RevenueAtStake = Math.Round((decimal)revenue, 2),
                Reasons = ClientFeature.Reasons(_features, facts, contributions, currency),
            });
        }

        return [.. result.OrderByDescending(r => r.ChurnRisk).ThenBy(r => r.AccountId, StringComparer.Ordinal)];
    }
}
