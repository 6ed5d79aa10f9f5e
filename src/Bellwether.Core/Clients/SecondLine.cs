using Bellwether.Core.Data;

namespace Bellwether.Core.Clients;

/// <summary>
/// Single-line clients that look like those that bought a second service line, as of an instant, from revenue.csv
/// and engagement.csv as they were known then (see <see cref="SecondLineModel"/>; docs/retention.md for how well the
/// ranking does).
/// </summary>
public static class SecondLine
{
    public static SecondLineReading Read(Dataset data, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Read(data, ClientBook.Build(data, asOf));
    }

    internal static SecondLineReading Read(Dataset data, ClientBook book)
    {
        if (ChurnRisk.Unreadable(data) is { } reason)
        {
            return new SecondLineReading { AsOf = book.AsOf, MissingReason = reason };
        }

        var model = SecondLineModel.Fit(book, out var missing);
        if (model is null)
        {
            return new SecondLineReading { AsOf = book.AsOf, MissingReason = missing };
        }

        return new SecondLineReading
        {
            AsOf = book.AsOf,
            Clients = model.Score(book, Cut.Of(book), data.Settings.Currency),
            BaseRate = model.BaseRate,
            TrainingSnapshots = model.Snapshots,
            TrainingRows = model.Rows,
            TrainingBuyers = model.Buyers,
        };
    }
}
