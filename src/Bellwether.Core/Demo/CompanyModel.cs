using Bellwether.Core.Reps;

namespace Bellwether.Core.Demo;

/// <summary>An industry the company sells to; its demand and win odds trend by the given amounts per year.</summary>
internal sealed record VerticalModel(string Name, double DemandShare, double DemandGrowthPerYear, double WinLogitPerYear);

/// <summary>
/// A service line. A project's value is recognised evenly over <see cref="ProjectMonths"/> months; a recurring line's
/// value is an annual contract, recognised monthly for a 12-month term and renewed by a renewal deal.
/// </summary>
internal sealed record ServiceLineModel(
    string Name,
    bool Recurring,
    int ProjectMonths,
    decimal MedianAmount,
    double CogsRatio,
    double WinLogit,
    double CycleFactor,
    double DemandShare);

/// <summary>
/// The fixed shape of the demo company: its markets, offering, pipeline and people. Every number here is a modelling
/// choice, tuned so that one unit of scale gives 20–40 reps and about 3,000 deals a year.
/// </summary>
internal static class CompanyModel
{
    public static readonly IReadOnlyList<VerticalModel> Verticals =
    [
        new("finance", 0.20, 0.30, 0.22),
        new("healthcare", 0.17, 0.22, 0.15),
        new("technology", 0.20, 0.04, 0.00),
        new("manufacturing", 0.17, 0.00, -0.02),
        new("retail", 0.15, -0.28, -0.22),
        new("public_sector", 0.11, -0.18, -0.18),
    ];

    public static readonly IReadOnlyList<ServiceLineModel> ServiceLines =
    [
        new("advisory", false, 3, 18_000m, 0.50, 0.10, 0.85, 0.22),
        new("implementation", false, 6, 42_000m, 0.62, -0.10, 1.35, 0.24),
        new("managed_services", true, 12, 36_000m, 0.56, -0.05, 1.25, 0.20),
        new("training", false, 1, 8_000m, 0.45, 0.20, 0.60, 0.16),
        new("support_retainer", true, 12, 15_000m, 0.42, 0.05, 0.80, 0.18),
    ];

    /// <summary>Open stages, earliest first (order 1..5), then the two closed stages.</summary>
    public static readonly IReadOnlyList<(string Name, decimal Probability)> Stages =
    [
        ("Qualification", 0.10m),
        ("Discovery", 0.20m),
        ("Solution Design", 0.40m),
        ("Proposal", 0.60m),
        ("Negotiation", 0.80m),
        ("Closed Won", 1.00m),
        ("Closed Lost", 0.00m),
    ];

    public const int OpenStages = 5;
    public const int WonStage = 6;
    public const int LostStage = 7;

    /// <summary>Mean business days a deal spends in each open stage before it moves on or is lost.</summary>
    public static readonly double[] StageDwellDays = [6, 8, 9, 8, 7];

    /// <summary>Chance of moving on (from Negotiation: of winning) when a deal leaves a stage, per deal type.</summary>
    public static readonly double[][] AdvanceProbability =
    [
        [0.66, 0.74, 0.80, 0.82, 0.84],
        [0.70, 0.78, 0.82, 0.85, 0.88],
        [0.90, 0.90, 0.92, 0.94, 0.94],
    ];

    /// <summary>The stage a new deal starts in, per deal type (1-based).</summary>
    public static readonly int[] FirstStage = [1, 2, 4];

    public static readonly IReadOnlyList<(string Name, double Share, double QualifyFactor)> InboundChannels =
    [
        ("organic_search", 0.30, 1.00),
        ("paid_search", 0.25, 0.85),
        ("referral", 0.15, 1.60),
        ("event", 0.12, 1.05),
        ("social", 0.18, 0.70),
    ];

    public static readonly IReadOnlyList<(string Name, double Share, double QualifyFactor)> OutboundChannels =
    [
        ("cold_call", 0.45, 1.00),
        ("cold_email", 0.40, 0.85),
        ("social", 0.15, 0.90),
    ];

    /// <summary>Inbound demand by calendar month (January first): summer and December are quiet.</summary>
    public static readonly double[] InboundSeasonality = [1.10, 1.05, 1.12, 1.02, 1.00, 0.92, 0.78, 0.74, 1.06, 1.14, 1.08, 0.72];

    /// <summary>Inbound demand during the shock (a market scare: inbound falls by 40% for two months).</summary>
    public const double ShockFactor = 0.6;

    /// <summary>Months from the first month of history to the shock's first month.</summary>
    public const int ShockStartMonth = 18;

    public const int ShockMonths = 2;

    /// <summary>Inbound leads per day at scale 1, before seasonality and vertical trends.</summary>
    public const double InboundLeadsPerDay = 14.0;

    public static readonly string[] Regions = ["North America", "EMEA", "APAC"];

    public static readonly double[] RegionShares = [0.55, 0.30, 0.15];

    public static readonly string[] NewBusinessLostReasons = ["price", "competitor", "no_decision", "timing", "budget", "fit"];

    public static readonly string[] RenewalLostReasons = ["budget", "competitor", "dissatisfied", "moved_in_house"];

    /// <summary>Monthly loaded salary per role.</summary>
    public static decimal MonthlySalary(RepRole role, bool isHeadOfSales) => role switch
    {
        _ when isHeadOfSales => 21_000m,
        RepRole.Manager => 13_500m,
        RepRole.Ae => 9_500m,
        RepRole.Am => 8_200m,
        _ => 6_000m,
    };

    /// <summary>Logged activities per working day at full productivity, per role.</summary>
    public static double ActivitiesPerDay(RepRole role) => role switch
    {
        RepRole.Sdr => 19.0,
        RepRole.Ae => 9.3,
        RepRole.Am => 7.4,
        _ => 3.2,
    };

    /// <summary>Outbound leads an SDR creates per working day at full productivity.</summary>
    public const double OutboundLeadsPerSdrDay = 1.3;

    /// <summary>Days from start_date to full productivity (three months).</summary>
    public const double RampDays = 91.0;

    /// <summary>Yearly chance that a rep leaves.</summary>
    public const double AttritionPerYear = 0.16;
}
