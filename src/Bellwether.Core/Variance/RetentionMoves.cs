using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Core.Variance;

/// <summary>One slice's part of a cohort's movement: revenue lost to churn and contraction, gained by expansion, clients lost.</summary>
internal sealed class RetentionSums
{
    public decimal Churn { get; set; }

    public decimal Contraction { get; set; }

    public decimal Expansion { get; set; }

    public decimal Churned { get; set; }

    public void Add(RetentionSums other)
    {
        Churn += other.Churn;
        Contraction += other.Contraction;
        Expansion += other.Expansion;
        Churned += other.Churned;
    }
}

/// <summary>
/// The retention cohort of a period (accounts with revenue in the period before) and how its revenue moved, per slice:
/// grr = 1 − (churn + contraction) / base and nrr = grr + expansion / base exactly, since each account keeps
/// min(now, before) = before − what it lost. Split by an account's own dimension, an account's movement goes to its
/// value; split by service line, a churned account's revenue goes to the lines it had, a contraction to the lines that
/// shrank and an expansion to those that grew, in proportion.
/// </summary>
internal sealed record RetentionMoves(Dictionary<string, RetentionSums> Slices, decimal Base, decimal Cohort, IReadOnlyList<(string Account, decimal Before, decimal Now, IReadOnlyList<string> Lines)> Accounts)
{
    public static RetentionMoves Of(RevenueBook book, FiscalCalendar calendar, Period period, Attributes attributes, Dimension? by)
    {
        var before = book.ByAccount(calendar.Previous(period));
        var now = book.ByAccount(period);
        var slices = new Dictionary<string, RetentionSums>(StringComparer.Ordinal);
        var accounts = new List<(string, decimal, decimal, IReadOnlyList<string>)>();
        decimal totalBase = 0, cohort = 0;
        RetentionSums Of(string key) => slices.TryGetValue(key, out var s) ? s : slices[key] = new RetentionSums();
        foreach (var (account, lines) in before.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var b = lines.Values.Sum();
            if (b <= 0)
            {
                continue;
            }

            var nowLines = now.GetValueOrDefault(account) ?? new Dictionary<string, decimal>(StringComparer.Ordinal);
            var n = nowLines.Values.Sum();
            cohort++;
            totalBase += b;
            accounts.Add((account, b, n, [.. lines.Where(l => l.Value > 0).Select(l => l.Key).Order(StringComparer.Ordinal)]));
            if (n <= 0)
            {
                foreach (var (key, weight) in Shares(account, by, attributes, lines.ToDictionary(l => l.Key, l => l.Value)))
                {
                    Of(key).Churn += b * weight;
                    Of(key).Churned += weight;
                }
            }
            else if (n < b)
            {
                var shrink = lines.Keys.Union(nowLines.Keys).ToDictionary(l => l, l => Math.Max(0, lines.GetValueOrDefault(l) - nowLines.GetValueOrDefault(l)));
                foreach (var (key, weight) in Shares(account, by, attributes, shrink))
                {
                    Of(key).Contraction += (b - n) * weight;
                }
            }
            else if (n > b)
            {
                var growth = lines.Keys.Union(nowLines.Keys).ToDictionary(l => l, l => Math.Max(0, nowLines.GetValueOrDefault(l) - lines.GetValueOrDefault(l)));
                foreach (var (key, weight) in Shares(account, by, attributes, growth))
                {
                    Of(key).Expansion += (n - b) * weight;
                }
            }
        }

        return new RetentionMoves(slices, totalBase, cohort, accounts);
    }

    /// <summary>The slices an account's movement goes to, with weights adding up to 1.</summary>
    private static IEnumerable<(string Key, decimal Weight)> Shares(string account, Dimension? by, Attributes attributes, Dictionary<string, decimal> lineWeights)
    {
        if (by is not { } dimension)
        {
            return [("", 1m)];
        }

        if (dimension != Dimension.ServiceLine)
        {
            return [(attributes.OfAccount(account, dimension), 1m)];
        }

        var total = lineWeights.Values.Sum();
        return lineWeights.Where(l => l.Value > 0).Select(l => (l.Key, l.Value / total));
    }
}
