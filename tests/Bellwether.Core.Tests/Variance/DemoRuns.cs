using Bellwether.Core.Demo;
using Bellwether.Core.Indicators;
using Bellwether.Core.Time;

namespace Bellwether.Core.Tests.Variance;

/// <summary>
/// The demo companies the explanation tests read, each simulated once per test run: the default company (seed 1,
/// scale 1, three years to 2026-10-04) with and without its scripted shocks, and for the churn shock a company four
/// times larger over one year (the same work), since at scale 1 a doubled churn moves a handful of clients.
/// </summary>
internal static class DemoRuns
{
    public static readonly DateOnly HistoryEnd = new(2026, 10, 4);

    public static readonly DateTimeOffset Now = Instants.EndOfDay(HistoryEnd);

    public static readonly Period Q2 = FiscalCalendar.Default.Parse("2026-Q2");

    public static readonly Period Q3 = FiscalCalendar.Default.Parse("2026-Q3");

    /// <summary>Finance deals at their last stage are won half as often through 2026-Q2.</summary>
    public static readonly DemoShock WinRateDrop = new WinRateShock { Vertical = "finance", WinFactor = 0.5, From = Q2.Start, Until = Q2.End };

    /// <summary>Inbound leads fall 40% from 2026-04-01 on.</summary>
    public static readonly DemoShock InboundDrop = new InboundLeadShock { Factor = 0.6, From = Q2.Start };

    /// <summary>Managed-services renewals of contracts whose last month falls in 2026-Q2 are lost twice as often.</summary>
    public static readonly DemoShock ChurnDoubles = new ChurnShock { ServiceLine = "managed_services", LossFactor = 2, From = Q2.Start, Until = Q2.End };

    private static readonly Lazy<IndicatorEngine> PlainRun = Run(1, 3);
    private static readonly Lazy<IndicatorEngine> WinRun = Run(1, 3, WinRateDrop);
    private static readonly Lazy<IndicatorEngine> InboundRun = Run(1, 3, InboundDrop);
    private static readonly Lazy<IndicatorEngine> LargePlainRun = Run(4, 1);
    private static readonly Lazy<IndicatorEngine> LargeChurnRun = Run(4, 1, ChurnDoubles);

    public static IndicatorEngine Plain => PlainRun.Value;

    public static IndicatorEngine WithWinRateDrop => WinRun.Value;

    public static IndicatorEngine WithInboundDrop => InboundRun.Value;

    public static IndicatorEngine LargePlain => LargePlainRun.Value;

    public static IndicatorEngine LargeWithChurnDoubled => LargeChurnRun.Value;

    private static Lazy<IndicatorEngine> Run(int scale, int years, params DemoShock[] shocks) =>
        new(() => new IndicatorEngine(DemoDataset.Generate(new DemoOptions { Seed = 1, Scale = scale, Years = years, HistoryEnd = HistoryEnd, Shocks = shocks })));
}
