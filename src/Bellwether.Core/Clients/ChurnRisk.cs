using Bellwether.Core.Data;

namespace Bellwether.Core.Clients;

/// <summary>
/// Client health and churn risk as of an instant, from engagement.csv and revenue.csv as they were known then (see
/// <see cref="ChurnRiskModel"/> for the model, docs/retention.md for how well it ranks).
/// </summary>
public static class ChurnRisk
{
    public const string NoRevenue = "no revenue.csv: churn is a client's revenue stopping";

    public const string NoEngagement = "no engagement.csv: client health reads meetings, QBRs, NPS, CSAT, support tickets and usage";

    /// <summary>Every client's churn risk as of <paramref name="asOf"/>, riskiest first, or why it cannot be read.</summary>
    public static ChurnRiskReading Read(Dataset data, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Read(data, ClientBook.Build(data, asOf));
    }

    internal static ChurnRiskReading Read(Dataset data, ClientBook book) => Read(data, book, out _);

    /// <summary>The reading, and the model it came from (null when it could not be fitted), to read other instants with.</summary>
    internal static ChurnRiskReading Read(Dataset data, ClientBook book, out ChurnRiskModel? model)
    {
        model = null;
        if (Unreadable(data) is { } reason)
        {
            return new ChurnRiskReading { AsOf = book.AsOf, MissingReason = reason };
        }

        model = ChurnRiskModel.Fit(book, out var missing);
        if (model is null)
        {
            return new ChurnRiskReading { AsOf = book.AsOf, MissingReason = missing };
        }

        return new ChurnRiskReading
        {
            AsOf = book.AsOf,
            Clients = model.Score(book, Cut.Of(book), data.Settings.Currency),
            BaseRate = model.BaseRate,
            TrainingSnapshots = model.Snapshots,
            TrainingRows = model.Rows,
            TrainingChurns = model.Churns,
        };
    }

    /// <summary>Why client health cannot be read from the company's files, or null when it can.</summary>
    internal static string? Unreadable(Dataset data) =>
        !data.Has("revenue.csv") ? NoRevenue : !data.Has("engagement.csv") ? NoEngagement : null;
}
