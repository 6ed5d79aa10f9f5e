using Bellwether.Core.Data;
using Bellwether.Core.Indicators;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Slicing;
using Bellwether.Core.Tests.Indicators;
using Bellwether.Core.Variance;

namespace Bellwether.Core.Tests.Variance;

/// <summary>Small hand-built flows of deals, and a one-line way to explain them.</summary>
internal static class Explain
{
    public static readonly DateTimeOffset Now = Fixture.Now;

    /// <summary>
    /// <paramref name="count"/> deals created on <paramref name="created"/> on the account; the first <paramref name="won"/>
    /// are won at <paramref name="amount"/> on <paramref name="closed"/>, the rest lost then (or left open when closed is null).
    /// </summary>
    public static IEnumerable<Opportunity> Batch(string prefix, int count, int won, decimal amount, string created, string? closed, string account = "a1") =>
        Enumerable.Range(0, count).Select(i => closed is null
            ? Fixture.Deal($"{prefix}{i}", amount, created, account: account)
            : i < won
                ? Fixture.Won($"{prefix}{i}", amount, created, closed, account: account)
                : Fixture.Lost($"{prefix}{i}", amount, created, closed, account: account));

    public static Dataset Company(IEnumerable<Opportunity> deals) => Fixture.Company([.. deals]);

    public static Explanation Run(Dataset data, string metric, string period, Against against = Against.Previous, Dimension? by = Dimension.Vertical, IReadOnlyDictionary<Dimension, string>? filter = null, DateTimeOffset? asOf = null) =>
        VarianceExplainer.Explain(new IndicatorEngine(data), new ExplainRequest
        {
            Metric = metric,
            Period = data.Settings.Calendar.Parse(period),
            Against = against,
            By = by,
            Filter = filter ?? new Dictionary<Dimension, string>(),
            AsOf = asOf ?? Now,
        });

    public static decimal Cell(Explanation e, string driver, string slice = "") =>
        e.Cells.Single(c => c.Driver == driver && c.SliceLabel == slice).Amount;

    public static decimal Driver(Explanation e, string driver) => e.Drivers.Single(c => c.Driver == driver).Amount;
}
