using Bellwether.Core.Reporting;

namespace Bellwether.Core.Variance;

/// <summary>
/// The sentence an owner reads in ten seconds: the gap, the two largest cells that made it, the largest that offset it,
/// and for retention the largest client lost with its signs. Every figure is written by <see cref="Readable"/> from a
/// figure of the explanation itself, so the sentence never says a number the result does not hold.
/// </summary>
internal static class SummaryWriter
{
    private const int Leading = 2;

    /// <summary>A share and its contribution differ only by the rounding of a millionth or two.</summary>
    private const decimal ShareTolerance = 0.000005m;

    public static string Write(Explanation e, string currency, string subject)
    {
        if (e.MissingReason is { } reason || e.Gap is not { } gap || e.Actual is not { } actual || e.Comparison is not { } comparison)
        {
            return $"{subject} cannot be explained against {e.ComparisonLabel ?? "the comparison"}: {e.MissingReason}.";
        }

        var forecast = e.Basis == Basis.ForecastP50 ? " (forecast P50)" : e.Basis == Basis.ToDate ? " (to date)" : "";
        var head = $"{subject}{forecast} {GapWords(e, gap, currency)} ({Figure(actual, e.Unit, currency)} against {Figure(comparison, e.Unit, currency)})";
        var sign = Math.Sign(gap);
        var leading = e.Cells.Where(c => c.Amount != 0 && (sign == 0 || Math.Sign(c.Amount) == sign)).Take(Leading).ToList();
        var offset = sign == 0 ? null : e.Cells.FirstOrDefault(c => c.Amount != 0 && Math.Sign(c.Amount) == -sign);
        var text = head;
        if (leading.Count > 0)
        {
            text += ": " + string.Join(" and ", leading.Select(c => Item(c, e.Unit, currency)));
            if (offset is not null)
            {
                text += ", partly offset by " + Item(offset, e.Unit, currency);
            }
        }

        if (e.Accounts.FirstOrDefault(a => a.Kind == "churned") is { } lost && e.Metric is "grr" or "nrr" or "logo_churn")
        {
            text += $"; largest client lost: {lost.Name} ({Signed(lost.Change, Unit.Money, currency)}{(lost.Signals is { } s ? "; " + s.Words : "")})";
        }

        return text + ".";
    }

    private static string GapWords(Explanation e, decimal gap, string currency)
    {
        var against = e.ComparisonLabel;
        if (gap == 0)
        {
            return $"on {against}";
        }

        if (e.Unit == Unit.Ratio)
        {
            return $"{Readable.Points(gap)} against {against}";
        }

        var direction = gap < 0 ? "under" : "over";
        return e.GapRatio is { } ratio
            ? $"{Readable.Percent(Math.Abs(ratio))} {direction} {against}"
            : $"{Readable.Change(gap, e.Unit, currency)} against {against}";
    }

    /// <summary>"win rate in finance −12.0 pts (−$90k)".</summary>
    private static string Item(Contribution c, Unit metricUnit, string currency)
    {
        var where = c.SliceLabel.Length == 0 ? c.DriverLabel : $"{c.DriverLabel} in {c.SliceLabel}";
        var change = ChangeWords(c, metricUnit, currency);
        return $"{where}{(change.Length == 0 ? "" : " " + change)} ({Signed(c.Amount, metricUnit, currency)})";
    }

    private static string ChangeWords(Contribution c, Unit metricUnit, string currency)
    {
        if (c.Change is not { } change)
        {
            return "";
        }

        if (c.DriverUnit == Unit.Ratio)
        {
            // A retention share is its own contribution (churn +1.4 pts of base is −1.4 pts of grr): say it once.
            return metricUnit == Unit.Ratio && Math.Abs(Math.Abs(change) - Math.Abs(c.Amount)) <= ShareTolerance ? "" : Readable.Points(change);
        }

        return c.ChangeRatio is { } ratio
            ? (ratio > 0 ? "+" : "") + Readable.Percent(ratio)
            : Readable.Change(change, c.DriverUnit, currency);
    }

    /// <summary>A contribution with its sign: "+$30k", "−1.2 pts", "+3".</summary>
    private static string Signed(decimal amount, Unit unit, string currency) => unit switch
    {
        Unit.Ratio => Readable.Points(amount),
        Unit.Money => (amount > 0 ? "+" : "") + Readable.MoneyShort(amount, currency),
        _ => Readable.Change(amount, unit, currency),
    };

    private static string Figure(decimal value, Unit unit, string currency) =>
        unit == Unit.Money ? Readable.MoneyShort(value, currency) : Readable.Value(value, unit, currency);
}
