namespace Bellwether.Core.Variance;

/// <summary>What a period's figure is explained against.</summary>
public enum Against
{
    /// <summary>The plan (plans.csv) for the metric, period and slice, with drivers implied from the trailing year.</summary>
    Plan,

    /// <summary>The previous period of the same grain (2026-Q1 for 2026-Q2).</summary>
    Previous,

    /// <summary>The same period a year earlier (2025-Q2 for 2026-Q2).</summary>
    LastYear,

    /// <summary>
    /// The same period of another version of the same company — a simulation without a shock, data before a
    /// correction — given to <see cref="VarianceExplainer.AgainstBaseline"/>; not a command-line choice.
    /// </summary>
    Baseline,
}
